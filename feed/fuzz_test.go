package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"storybot/internal/sharedtest"
)

// FuzzParse feeds mutated real feeds to Parse: a feed or an error, never a
// panic, and a parsed feed's text is valid UTF-8.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	files = append(files, sharedtest.Glob("corpus/feeds/*/*")...)
	for _, p := range files {
		if strings.HasSuffix(p, "-result") || p == filepath.Join("testdata", "fuzz") {
			continue // golden results, and the crashers go test keeps
		}
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><item><link>/a</link></item></channel></rss>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"x"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		fd, err := Parse(body, "https://news.example/feed.xml")
		if err != nil {
			return
		}
		for _, it := range fd.Items {
			for _, s := range []string{it.Title, it.Link, it.GUID, it.Author, it.Content} {
				if !utf8.ValidString(s) {
					t.Fatalf("item text %q is not valid UTF-8", s)
				}
			}
		}
	})
}
