package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"storybot/extract"
	"storybot/internal/sharedtest"
)

// fuzzFileSeeds adds the local-file test inputs and some real articles.
func fuzzFileSeeds(f *testing.F, ext string) {
	files, _ := filepath.Glob("testdata/parse/*" + ext)
	files = append(files, sharedtest.Glob("seed/*.txt")...)
	files = append(files, sharedtest.Glob("corpus/bbc/business/00[1-3].txt")...)
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// checkParsed holds for every article a reader returns: a title, some
// text, no blank paragraph, valid UTF-8.
func checkParsed(t *testing.T, title string, paras []string) {
	t.Helper()
	if strings.TrimSpace(title) == "" || len(paras) == 0 {
		t.Fatalf("got title %q and %d paragraphs with no error", title, len(paras))
	}
	for _, s := range append([]string{title}, paras...) {
		if strings.TrimSpace(s) == "" || !utf8.ValidString(s) {
			t.Fatalf("got blank or invalid text %q", s)
		}
	}
}

// FuzzParseText reads any bytes as a .txt article.
func FuzzParseText(f *testing.F) {
	fuzzFileSeeds(f, ".txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parseFile(".txt", data, "file:///corpus/a.txt", extract.Extract)
		if err == nil {
			checkParsed(t, a.Title, a.Paragraphs)
		}
	})
}

// FuzzParseMarkdown reads any bytes as a .md article.
func FuzzParseMarkdown(f *testing.F) {
	fuzzFileSeeds(f, ".md")
	f.Add([]byte("---\ntitle: [\npublished: 2024-13-45\n---\nbody"))
	f.Add([]byte("---\n&a [*a, *a, *a]\n---\n# T\n\ntext"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parseFile(".md", data, "file:///corpus/a.md", extract.Extract)
		if err == nil {
			checkParsed(t, a.Title, a.Paragraphs)
		}
	})
}
