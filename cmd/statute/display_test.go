package main

import (
	"strings"
	"testing"
)

func TestDisplayMissing(t *testing.T) {
	for _, c := range []struct {
		goos    string
		env     map[string]string
		missing bool
	}{
		{"linux", nil, true},
		{"linux", map[string]string{"DISPLAY": ":0"}, false},
		{"linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, false},
		{"linux", map[string]string{"DISPLAY": "", "WAYLAND_DISPLAY": ""}, true}, // set but empty is unset
		{"linux", map[string]string{"XDG_SESSION_TYPE": "x11"}, true},            // only the displays count
		{"freebsd", nil, true},
		{"openbsd", map[string]string{"DISPLAY": "localhost:10.0"}, false},
		{"windows", nil, false},
		{"darwin", nil, false},
	} {
		lookup := func(k string) (string, bool) { v, ok := c.env[k]; return v, ok }
		err := displayMissing(c.goos, lookup)
		if (err != nil) != c.missing {
			t.Errorf("%s with %v: error %v, want missing=%v", c.goos, c.env, err, c.missing)
		}
	}
}

// The message is one sentence that says what is missing and what to do.
func TestNoDisplayMessage(t *testing.T) {
	msg := displayMissing("linux", func(string) (string, bool) { return "", false }).Error()
	for _, want := range []string{"desktop session", "DISPLAY", "WAYLAND_DISPLAY", "Xvfb"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q does not mention %s", msg, want)
		}
	}
	if strings.Contains(msg, "\n") || strings.HasSuffix(msg, ".") || strings.ToLower(msg[:1]) != msg[:1] {
		t.Errorf("%q: want one sentence in Go's error style (lower case, no final period), as main prints it after \"statute: \"", msg)
	}
}
