package diff

// FoldKey exposes the fold key of a token, which lenient diffs compute
// themselves rather than through arabic.Fold, so that a test can hold the
// two to the same result; MayFold the shortcut that spares them computing
// it.
func FoldKey(tok string) string { return string(appendFoldKey(nil, tok)) }

var MayFold = mayFold
