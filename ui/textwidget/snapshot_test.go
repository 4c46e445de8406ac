package textwidget_test

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

var update = flag.Bool("update", false, "rewrite the snapshots under testdata/")

// assertSnapshot compares what c shows with testdata/name.xml, as markup
// (what is drawn, where, in which style), and with testdata/name.png, as
// an image; -update rewrites both first.
func assertSnapshot(t *testing.T, c fyne.Canvas, name string) {
	t.Helper()
	markup, img := name+".xml", name+".png"
	if *update {
		write(t, markup, []byte(test.RenderToMarkup(c)))
		var buf bytes.Buffer
		if err := png.Encode(&buf, c.Capture()); err != nil {
			t.Fatal(err)
		}
		write(t, img, buf.Bytes())
	}
	test.AssertRendersToMarkup(t, markup, c)
	test.AssertRendersToImage(t, img, c)
}

func write(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join("testdata", name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}
