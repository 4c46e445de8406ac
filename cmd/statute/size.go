package main

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
)

// maxWindowSide bounds --size: no screen is wider, and a larger window
// fails in OpenGL rather than with a message.
const maxWindowSide = 16384

// windowSize is the --size flag: the window's width and height, as
// WIDTHxHEIGHT. They are Fyne's device-independent pixels, which are the
// screen's pixels at scale 1: FYNE_SCALE=1.5 (or a high-density screen)
// makes the window that many times larger, laid out as at scale 1, while
// the text scale chosen in Settings makes only the text larger.
type windowSize fyne.Size

// defaultWindowSize is a 13-inch laptop's screen.
var defaultWindowSize = windowSize{Width: 1280, Height: 800}

func (s *windowSize) String() string {
	return fmt.Sprintf("%gx%g", s.Width, s.Height)
}

// Set implements flag.Value.
func (s *windowSize) Set(v string) error {
	w, h, ok := strings.Cut(strings.NewReplacer("X", "x", "×", "x").Replace(strings.TrimSpace(v)), "x")
	if !ok {
		return fmt.Errorf("%q is not a size: want WIDTHxHEIGHT in pixels, such as 800x600", v)
	}
	var side [2]float32
	for i, part := range []string{w, h} {
		n, err := strconv.Atoi(part)
		if err != nil || n < 1 || n > maxWindowSide {
			return fmt.Errorf("%q is not a size: want WIDTHxHEIGHT, each a whole number of pixels from 1 to %d, such as 800x600", v, maxWindowSide)
		}
		side[i] = float32(n)
	}
	*s = windowSize{Width: side[0], Height: side[1]}
	return nil
}
