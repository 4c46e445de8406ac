package textwidget

import (
	"bytes"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"
)

// fontMetrics are the measures of a font that place a strike-through, in
// ems (multiples of the text size). Word and LibreOffice place it as the
// font says, in its OS/2 table, and so do the widgets: a font made for
// Arabic puts it above the joining line, on which Arabic letters stand and
// run into each other, and a line drawn there would run into the letters
// and leave a struck word one bar.
type fontMetrics struct {
	// ascent is how far the baseline lies below the top of a line box:
	// the font's ascender, as Fyne draws text.
	ascent float32
	// strike is the height of the strike-through's middle above the
	// baseline, strikeSize its thickness.
	strike, strikeSize float32
}

// Fallbacks, in ems, for a font that does not say: the usual thickness of
// a strike-through, and its height when the font has no x-height either.
const (
	defaultStrikeSize   = 0.05
	defaultStrikeHeight = 0.25
)

// tatweel is the Arabic joining stroke (U+0640): a font's glyph for it is
// the joining line itself.
const tatweel = 'ـ'

// readMetrics reads a font file's metrics; ok is false when data is not a
// font the widgets can read.
//
// The strike-through is the font's (yStrikeoutPosition, the top of the
// line, and yStrikeoutSize). A font that leaves the position out, or
// whose line would come within its thickness of the joining line, gets
// its line at half its x-height (the middle of a lower-case x), and in
// any case that far clear above the top of its tatweel; a font that
// leaves the thickness out gets defaultStrikeSize.
func readMetrics(data []byte) (m fontMetrics, ok bool) {
	f, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil || f.Upem() == 0 {
		return fontMetrics{}, false
	}
	em := float32(f.Upem())
	ext, _ := f.FontHExtents()
	if ext.Ascender <= 0 {
		return fontMetrics{}, false
	}
	m.ascent = ext.Ascender / em
	size := f.LineMetric(font.StrikethroughThickness) / em
	if size <= 0 {
		size = defaultStrikeSize
	}
	top := f.LineMetric(font.StrikethroughPosition) / em
	var join float32 // the joining line's top; 0 for a font without Arabic
	if g, found := f.NominalGlyph(tatweel); found {
		if e, found := f.GlyphExtents(g); found {
			join = max(0, e.YBearing/em)
		}
	}
	if top-size < join+size {
		// Missing, or on the joining line.
		x := f.LineMetric(font.XHeight) / em
		top = defaultStrikeHeight + size/2
		if x > 0 {
			top = x/2 + size/2
		}
		top = max(top, join+2*size)
	}
	m.strike, m.strikeSize = top-size/2, size
	return m, true
}

// metricsCache keeps the metrics of the fonts lately drawn with, by
// resource, so that a font file is read once, not once per widget. It
// holds a few: the text font, bold, monospace, and those of a font just
// chosen in Settings.
var metricsCache struct {
	sync.Mutex
	entries []cachedMetrics // the newest last
}

type cachedMetrics struct {
	res fyne.Resource
	m   fontMetrics
	ok  bool
}

const maxCachedMetrics = 8

// metricsOf returns the metrics of the font res; ok is false when it has
// none to read (nil, or not a font), and Fyne then draws with another.
func metricsOf(res fyne.Resource) (fontMetrics, bool) {
	if res == nil {
		return fontMetrics{}, false
	}
	c := &metricsCache
	c.Lock()
	defer c.Unlock()
	for _, e := range c.entries {
		if e.res == res {
			return e.m, e.ok
		}
	}
	m, ok := readMetrics(res.Content())
	if len(c.entries) == maxCachedMetrics {
		c.entries = c.entries[1:]
	}
	c.entries = append(c.entries, cachedMetrics{res, m, ok})
	return m, ok
}

// strikeLine returns where a strike-through goes in a line box of height
// lineH for text of the given size: its middle's distance from the box's
// top, and its thickness, a whole number of units, at least 1, so that it
// can be drawn sharp (see snap). The baseline lies at the font's ascender
// below the top, rounded up to a whole unit as Fyne draws it. For a font
// with no metrics (ok false) the line crosses the box a little below its
// middle.
func strikeLine(m fontMetrics, ok bool, size, lineH float32) (y, width float32) {
	if !ok {
		return lineH * 0.55, float32(max(1, math.Round(float64(defaultStrikeSize*size))))
	}
	width = float32(max(1, math.Round(float64(m.strikeSize*size))))
	baseline := float32(math.Ceil(float64(m.ascent * size)))
	return baseline - m.strike*size, width
}

// snap moves y, the middle of a horizontal line width units thick, to the
// nearest place where the line covers whole units, a half for an odd width
// and a whole for an even one, so that it is not smeared over two rows of
// pixels at half strength.
func snap(y, width float32) float32 {
	if int(width)%2 == 1 {
		return float32(math.Floor(float64(y))) + 0.5
	}
	return float32(math.Round(float64(y)))
}
