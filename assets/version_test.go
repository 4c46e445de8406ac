package assets_test

import (
	"testing"

	"github.com/BurntSushi/toml"

	"statute/assets"
)

// The binaries' ID, name and version are FyneApp.toml's, the one place
// they are set: `fyne package` reads that file, and a plain `go build`
// the constants generated from it.
func TestVersionIsFyneApps(t *testing.T) {
	var app struct {
		Details struct{ ID, Name, Version string }
	}
	if _, err := toml.DecodeFile("../FyneApp.toml", &app); err != nil {
		t.Fatal(err)
	}
	d := app.Details
	if d.ID != assets.AppID || d.Name != assets.AppName || d.Version != assets.Version {
		t.Errorf("FyneApp.toml says %s %q %s, the binaries %s %q %s: run go generate ./assets",
			d.ID, d.Name, d.Version, assets.AppID, assets.AppName, assets.Version)
	}
	if assets.Version == "" || assets.AppID == "" {
		t.Error("no version or ID")
	}
}
