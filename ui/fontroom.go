package ui

import (
	"bytes"
	"encoding/binary"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"
)

// Fyne's OpenGL painter draws each text into a picture exactly as tall as
// the font's line (its ascender plus descender, rounded up), with the
// baseline rounded down a pixel's fraction: whatever of a glyph reaches
// lower than the descender, or just to it, is cut off. DejaVu Sans's
// descender (0.236 em) is shallower than the dots of a final ي (0.244 em),
// so at most text sizes «في» and «المالي» came out dotless in the window,
// as «فى», though never in tests or screenshots, which Fyne's software
// painter draws without the cut. So the fonts are given room below: their
// descender is deepened, in the copy the app uses, to clear the lowest
// Arabic letter or mark in common use by a tenth of an em, which covers
// the rounding down to text 10 px high.

// arabicInUse are the code points whose glyphs must not be cut: the Arabic
// letters, harakat and digits (U+0621–U+0669), the Arabic presentation forms
// (U+FE70–U+FEFC) that shaping picks for them, and «», dashes and brackets.
var arabicInUse = [][2]rune{{0x0621, 0x0669}, {0xFE70, 0xFEFC}, {'(', ')'}, {'«', '«'}, {'»', '»'}}

// roomBelow returns font data whose descender reaches below the lowest
// glyph of arabicInUse by a tenth of an em, or data itself when it already
// does, or when it is not a font this can read (Fyne then reports that).
// The glyphs of the fonts in fallbacks count too: a face with no Arabic
// (DejaVu Sans Oblique) has its Arabic drawn from another, in its own line.
func roomBelow(data []byte, fallbacks ...[]byte) []byte {
	f, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return data
	}
	ext, ok := f.FontHExtents()
	if !ok {
		return data
	}
	lowest := lowestGlyph(f) // in em
	for _, fb := range fallbacks {
		if g, err := font.ParseTTF(bytes.NewReader(fb)); err == nil {
			lowest = min(lowest, lowestGlyph(g))
		}
	}
	upem := float32(f.Upem())
	want := (lowest - 0.1) * upem
	if ext.Descender <= want {
		return data
	}
	return withDescender(data, int16(math.Floor(float64(want))))
}

// lowestGlyph is how far below the baseline the lowest glyph of f's
// arabicInUse reaches, in em (negative).
func lowestGlyph(f *font.Face) float32 {
	lowest := float32(0)
	for _, span := range arabicInUse {
		for r := span[0]; r <= span[1]; r++ {
			g, ok := f.NominalGlyph(r)
			if !ok {
				continue
			}
			if e, ok := f.GlyphExtents(g); ok {
				lowest = min(lowest, e.YBearing+e.Height)
			}
		}
	}
	return lowest / float32(f.Upem())
}

// withDescender returns a copy of the TrueType or OpenType data with its
// descender (negative, in font units) set to d wherever a reader may take
// it from: the hhea table's, and the OS/2 table's typographic and Windows
// ones. The checksums are left as they are: nothing that reads them here
// checks them.
func withDescender(data []byte, d int16) []byte {
	out := bytes.Clone(data)
	if len(out) < 12 {
		return data
	}
	n := int(binary.BigEndian.Uint16(out[4:]))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(out) {
			return data
		}
		tag := string(out[rec : rec+4])
		off := int(binary.BigEndian.Uint32(out[rec+8:]))
		length := int(binary.BigEndian.Uint32(out[rec+12:]))
		if off < 0 || length < 0 || off+length > len(out) {
			return data
		}
		switch {
		case tag == "hhea" && length >= 8:
			binary.BigEndian.PutUint16(out[off+6:], uint16(d))
		case tag == "OS/2" && length >= 78:
			binary.BigEndian.PutUint16(out[off+70:], uint16(d))
			binary.BigEndian.PutUint16(out[off+76:], uint16(-int32(d)))
		}
	}
	return out
}

// fontResource is a font for the theme, with room below (roomBelow) for its
// own glyphs and those of fallbacks.
func fontResource(name string, data []byte, fallbacks ...[]byte) fyne.Resource {
	return fyne.NewStaticResource(name, roomBelow(data, fallbacks...))
}

// lazyFont is fontResource made the first time it is asked for: reading a
// font's glyphs takes some milliseconds, which a start need not spend on a
// face no text uses.
func lazyFont(name string, data []byte, fallbacks ...[]byte) func() fyne.Resource {
	return sync.OnceValue(func() fyne.Resource { return fontResource(name, data, fallbacks...) })
}
