package ui

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"log"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"

	"statute/drafts"
)

// framesBeforeCapture is how many frames the window draws after the draft
// is shown before captures start being compared.
const framesBeforeCapture = 2

// captureTimeout bounds the wait for frames, should the window never draw
// (no display, or it was closed).
const captureTimeout = 20 * time.Second

// Screenshot waits for the draft to be shown, lets the window draw it,
// captures the window and writes it to path as a PNG. Call it from a
// goroutine of your own while the app runs. It fails on a load error and
// on an image of one colour, which is what a window that never drew gives.
func (wb *Workbench) Screenshot(path string) error {
	if err := wb.Wait(); err != nil {
		return err
	}
	img, fromScreen, err := captureSettled(wb.win, framesBeforeCapture)
	if err != nil {
		return err
	}
	if !fromScreen {
		log.Print("statute: the window's picture could not be read back from OpenGL (blank front buffer, as with Mesa under Xvfb): it was drawn by Fyne's software painter instead")
	}
	if blank(img) {
		return drafts.Errorf(drafts.Internal, "the screenshot is blank: the window showed nothing")
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return drafts.Wrap(drafts.Internal, err, "the screenshot could not be encoded as PNG")
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return drafts.Wrap(drafts.Unavailable, err, "the screenshot could not be written to %s: check the folder exists and is writable", path)
	}
	return nil
}

// captureSettled captures w once what it shows has settled: from the n-th
// frame on, it captures every frame until two in a row are equal. Fyne
// ticks animations on its main loop just before it draws a frame, so an
// animation's ticks count frames without sleeping, and each capture runs
// on the main loop after the previous frame was shown.
//
// Some OpenGL drivers cannot read a window's front buffer back (Mesa's
// software renderers under Xvfb return zeros): when the settled capture is
// blank, the window's content is drawn again, at the window's size, by
// Fyne's software painter, the one its tests use. The result is then
// reported as not read from the screen.
func captureSettled(w fyne.Window, n int) (img image.Image, fromScreen bool, err error) {
	type result struct {
		img        image.Image
		fromScreen bool
	}
	got := make(chan result, 1)
	var anim *fyne.Animation
	fyne.DoAndWait(func() {
		frames := 0
		var last *image.RGBA
		anim = fyne.NewAnimation(time.Second, func(float32) {
			frames++
			if frames < n {
				return
			}
			img := toRGBA(w.Canvas().Capture())
			if last == nil || !bytes.Equal(img.Pix, last.Pix) {
				last = img
				return
			}
			anim.Stop()
			if !blank(img) {
				got <- result{img, true}
				return
			}
			got <- result{renderInSoftware(w.Canvas()), false}
		})
		anim.RepeatCount = fyne.AnimationRepeatForever
		anim.Start()
	})
	select {
	case r := <-got:
		return r.img, r.fromScreen, nil
	case <-time.After(captureTimeout):
		fyne.Do(anim.Stop)
		return nil, false, drafts.Errorf(drafts.Unavailable, "the window did not draw a steady picture in %v: is a display (such as Xvfb) running?", captureTimeout)
	}
}

// renderInSoftware draws what c shows with Fyne's software painter. The
// content moves to the software canvas: only for the end of a run.
func renderInSoftware(c fyne.Canvas) image.Image {
	sc := software.NewCanvas()
	sc.SetPadded(true)
	sc.SetScale(c.Scale())
	content := c.Content()
	sc.SetContent(content)
	// Wrapped text knows its height only once it has its width; the
	// window's driver lays the parents out again each frame, this canvas
	// does not, so a second layout at another size settles the heights.
	sc.Resize(c.Size().SubtractWidthHeight(1, 1))
	sc.Resize(c.Size())
	return sc.Capture()
}

func toRGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok {
		return r
	}
	r := image.NewRGBA(img.Bounds())
	draw.Draw(r, r.Bounds(), img, img.Bounds().Min, draw.Src)
	return r
}

// blank reports whether img is of one colour.
func blank(img image.Image) bool {
	b := img.Bounds()
	if b.Empty() {
		return true
	}
	first := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, a0 := first.RGBA()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bl != b0 || a != a0 {
				return false
			}
		}
	}
	return true
}
