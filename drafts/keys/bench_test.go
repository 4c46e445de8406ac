package keys_test

import (
	"testing"

	"statute/drafts/keys"
)

// BenchmarkOpenDefault opens a key sealed with DefaultParams: the wait a
// person has each time the app asks for the passphrase.
func BenchmarkOpenDefault(b *testing.B) {
	id, _, err := keys.New("FM", passphrase, keys.DefaultParams)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := keys.Open(id, passphrase); err != nil {
			b.Fatal(err)
		}
	}
}
