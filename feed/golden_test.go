package feed

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden -result files in testdata")

// TestGolden parses each fixture in testdata and compares the result with
// the JSON beside it (name-result). Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	fixtures := []struct{ file, url string }{
		{"harbour.rss", "https://gazette.example/feed.rss"},
		{"observatory.atom", "https://observatory.example/notes/atom.xml"},
		{"bakery.json", "https://bakery.example/feed.json"},
	}
	for _, fx := range fixtures {
		t.Run(fx.file, func(t *testing.T) {
			path := filepath.Join("testdata", fx.file)
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(body, fx.url)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false) // keep the HTML content readable in the golden file
			enc.SetIndent("", "  ")
			if err := enc.Encode(f); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			if *update {
				if err := os.WriteFile(path+"-result", got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path + "-result")
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
