package assets_test

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"statute/assets"
)

// TestTranslationsCoverTheSameMessages checks that every language file
// parses and names the same messages, so that no language falls back to
// English for a message another one translates.
func TestTranslationsCoverTheSameMessages(t *testing.T) {
	keys := map[string][]string{}
	for _, lang := range []string{"ar", "fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			data, err := fs.ReadFile(assets.Translations, assets.TranslationsDir+"/"+lang+".json")
			if err != nil {
				t.Fatal(err)
			}
			var msgs map[string]any
			if err := json.Unmarshal(data, &msgs); err != nil {
				t.Fatalf("%s.json does not parse: %v", lang, err)
			}
			if msgs["meta.code"] != lang {
				t.Errorf("%s.json says its language is %v", lang, msgs["meta.code"])
			}
			for k := range msgs {
				keys[lang] = append(keys[lang], k)
			}
			sort.Strings(keys[lang])
		})
	}
	for _, lang := range []string{"ar", "fr"} {
		if a, b := keys[lang], keys["en"]; len(a) != len(b) {
			t.Errorf("%s.json has %d messages, en.json %d", lang, len(a), len(b))
			continue
		}
		for i := range keys["en"] {
			if keys[lang][i] != keys["en"][i] {
				t.Errorf("%s.json and en.json differ at %q / %q", lang, keys[lang][i], keys["en"][i])
				break
			}
		}
	}
}

// verbs matches the fmt verbs of a message, explicit argument indexes
// included, but not a literal %%.
var verbs = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[vdsqxXfgeT]`)

// TestTranslatedErrorSentencesKeepTheirVerbs checks the translations of
// the domain's sentences (the "error." keys, by message ID), which the app
// fills with fmt: each must use the verbs of the English sentence in
// en.json, as many and of the same kinds (an Arabic sentence may reorder
// them with %[n]s), or the user would read «%!s(MISSING)».
func TestTranslatedErrorSentencesKeepTheirVerbs(t *testing.T) {
	read := func(lang string) map[string]any {
		data, err := fs.ReadFile(assets.Translations, assets.TranslationsDir+"/"+lang+".json")
		if err != nil {
			t.Fatal(err)
		}
		var msgs map[string]any
		if err := json.Unmarshal(data, &msgs); err != nil {
			t.Fatal(err)
		}
		return msgs
	}
	kinds := func(s string) []string {
		var out []string
		for _, m := range verbs.FindAllString(s, -1) {
			out = append(out, m[len(m)-1:])
		}
		sort.Strings(out)
		return out
	}
	english := read("en")
	for _, lang := range []string{"ar", "fr"} {
		n := 0
		for key, v := range read(lang) {
			if !strings.HasPrefix(key, "error.") {
				continue
			}
			n++
			tr, _ := v.(string)
			en, _ := english[key].(string)
			if want, got := kinds(en), kinds(tr); en == "" || !slices.Equal(want, got) {
				t.Errorf("%s %s: %q uses verbs %v, the English %q uses %v", lang, key, tr, got, en, want)
			}
		}
		if n < 40 {
			t.Errorf("%s.json translates %d of the domain's sentences, want them all (40 or more)", lang, n)
		}
	}
}
