package main

import (
	"flag"
	"io"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// parseSize parses the command line args as main does, for --size.
func parseSize(args ...string) (fyne.Size, error) {
	fs := flag.NewFlagSet("statute", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	size := defaultWindowSize
	fs.Var(&size, "size", "")
	err := fs.Parse(args)
	return fyne.Size(size), err
}

func TestSizeFlag(t *testing.T) {
	for _, c := range []struct {
		args []string
		want fyne.Size
	}{
		{nil, fyne.NewSize(1280, 800)},
		{[]string{"--size", "800x600"}, fyne.NewSize(800, 600)},
		{[]string{"--size=1280X800"}, fyne.NewSize(1280, 800)},
		{[]string{"-size", "1024×768"}, fyne.NewSize(1024, 768)},
	} {
		got, err := parseSize(c.args...)
		if err != nil || got != c.want {
			t.Errorf("%q: size %v, %v; want %v", c.args, got, err, c.want)
		}
	}
	for _, bad := range []string{"800", "800x", "x600", "800x600x2", "0x600", "-800x600", "800.5x600", "wide", "99999x600", ""} {
		_, err := parseSize("--size", bad)
		if err == nil {
			t.Errorf("--size %q was accepted", bad)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "WIDTHxHEIGHT") || !strings.Contains(msg, "800x600") {
			t.Errorf("--size %q: the error %q does not say what to write", bad, msg)
		}
	}
}
