// Package snapshot keeps, for the tests of the interface, what a window
// shows as markup (what is drawn, where, in which style) and as images
// under the test's testdata folder, and compares it with what it shows
// now. Run the tests with -update to rewrite the files.
package snapshot

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

var update = flag.Bool("update", false, "rewrite the snapshots under testdata/")

// Assert compares what c shows with testdata/name.xml as markup and with
// testdata/name.png as an image.
func Assert(t *testing.T, c fyne.Canvas, name string) {
	t.Helper()
	AssertMarkup(t, c, name)
	AssertImage(t, name, c.Capture())
}

// AssertMarkup compares what c shows with testdata/name.xml as markup.
func AssertMarkup(t *testing.T, c fyne.Canvas, name string) {
	t.Helper()
	if *update {
		write(t, name+".xml", []byte(test.RenderToMarkup(c)))
	}
	test.AssertRendersToMarkup(t, name+".xml", c)
}

// AssertImage compares img with testdata/name.png.
func AssertImage(t *testing.T, name string, img image.Image) {
	t.Helper()
	if *update {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		write(t, name+".png", buf.Bytes())
	}
	test.AssertImageMatches(t, name+".png", img)
}

func write(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join("testdata", name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}
