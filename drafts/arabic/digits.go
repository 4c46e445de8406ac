package arabic

// DigitValue returns the value of a decimal digit as drafts write it: a
// Western digit 0–9, an Eastern Arabic digit ٠–٩ (U+0660–U+0669) or a
// Persian digit ۰–۹ (U+06F0–U+06F9). It reports false for any other rune.
// It is the one mapping of digit shapes: folding, parsing article numbers
// and lenient diffs all read digits through it.
func DigitValue(r rune) (int, bool) {
	if d := uint32(r - '0'); d <= 9 {
		return int(d), true
	}
	if d := uint32(r - '٠'); d <= 9 {
		return int(d), true
	}
	if d := uint32(r - '۰'); d <= 9 {
		return int(d), true
	}
	return 0, false
}

// EasternDigit returns the Eastern Arabic digit (٠–٩) of d, which must be
// in 0–9.
func EasternDigit(d int) rune {
	return '٠' + rune(d)
}
