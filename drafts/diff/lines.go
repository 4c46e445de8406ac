package diff

import "strings"

// diffLines diffs tokens o0..o1-1 of old with n0..n1-1 of new line by line,
// then word by word within blocks of changed lines.
func (d *Differ) diffLines(old, new string, o0, o1, n0, n1 int) {
	ol := lineStarts(d.lineO[:0], old, d.oldEnd, o0, o1)
	nl := lineStarts(d.lineN[:0], new, d.newEnd, n0, n1)
	d.lineO, d.lineN = ol, nl
	keep := len(d.segs)
	ok := len(ol)+len(nl) <= maxLines+2
	if ok {
		ids := make(map[string]rune)
		encode := func(text string, ends, starts []int) []rune {
			rs := make([]rune, len(starts)-1)
			for k := range rs {
				line := text[bound(ends, starts[k]):bound(ends, starts[k+1])]
				r, seen := ids[line]
				if !seen {
					r = tokenRune(len(ids))
					ids[line] = r
				}
				rs[k] = r
			}
			return rs
		}
		a, b := encode(old, d.oldEnd, ol), encode(new, d.newEnd, nl)
		// Blocks of changed lines gather until the next equal lines.
		pend := false
		var bo0, bo1, bn0, bn1 int
		flush := func() {
			if !pend {
				return
			}
			if (bo1-bo0)+(bn1-bn0) <= maxWordTokens {
				d.diffWords(old, new, bo0, bo1, bn0, bn1)
			} else {
				d.replace(bo0, bo1, bn0, bn1)
			}
			pend = false
		}
		ok = walk(d.dmp.DiffMainRunes(a, b, false), a, b, func(op Op, i0, i1, j0, j1 int) {
			ti0, ti1, tj0, tj1 := ol[i0], ol[i1], nl[j0], nl[j1]
			if op == Equal {
				flush()
				d.addSegment(Equal, ti0, ti1, tj0, tj1)
				return
			}
			if !pend {
				bo0, bn0, pend = ti0, tj0, true
			}
			bo1, bn1 = ti1, tj1
		})
		flush()
	}
	if !ok {
		d.segs = d.segs[:keep]
		d.replace(o0, o1, n0, n1)
	}
}

// lineStarts appends to dst the index of the first token of each line
// among tokens from..to-1, and then to: a line ends with a token of white
// space that holds a line break.
func lineStarts(dst []int, text string, ends []int, from, to int) []int {
	dst = append(dst, from)
	for k := from; k < to; k++ {
		tok := text[bound(ends, k):ends[k]]
		if k+1 < to && isSpaceToken(tok) && strings.IndexByte(tok, '\n') >= 0 {
			dst = append(dst, k+1)
		}
	}
	return append(dst, to)
}
