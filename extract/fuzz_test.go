package extract

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"storybot/internal/sharedtest"
)

// FuzzExtract feeds pages built from real ones to Extract: it must return
// an article or an error, never panic, and an article it returns has clean
// text.
func FuzzExtract(f *testing.F) {
	pages, _ := filepath.Glob("testdata/*.html")
	if sharedtest.Fuzzing() { // TestExtractionBenchmark extracts them otherwise
		pages = append(pages, sharedtest.Glob("corpus/extraction/*/source.html")...)
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("<html><body><p>Correspondent</p><p>Reporter</p></body></html>"))
	base, _ := url.Parse("https://news.example/2024/05/story.html")
	f.Fuzz(func(t *testing.T, page []byte) {
		a, err := Extract(page, base)
		if err != nil {
			return
		}
		if len(a.Paragraphs) == 0 {
			t.Fatal("got an article with no paragraphs and no error")
		}
		for _, s := range append([]string{a.Title, a.Byline}, a.Paragraphs...) {
			if !utf8.ValidString(s) {
				t.Fatalf("got invalid UTF-8 %q", s)
			}
		}
		for i, p := range a.Paragraphs {
			if strings.TrimSpace(p) == "" {
				t.Fatalf("paragraph %d is blank", i)
			}
		}
	})
}

// FuzzIsBoilerplate checks the line filter on any text: no panic, and
// Clean keeps only lines IsBoilerplate lets through.
func FuzzIsBoilerplate(f *testing.F) {
	for _, s := range []string{"Correspondent", "Saagar Enjeti White House Correspondent", "By Jane Doe",
		"Font Size:", "REUTERS/Francois Lenoir", "The minister said the plan would go ahead.", "by", "Staff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if got, want := normalizeSpace(line), strings.Join(strings.FieldsFunc(line, isSpace), " "); got != want {
			t.Fatalf("normalizeSpace(%q) = %q, want %q", line, got, want)
		}
		bp := IsBoilerplate(line)
		kept := Clean([]string{line})
		if bp && len(kept) > 0 {
			t.Fatalf("IsBoilerplate(%q) is true but Clean kept %q", line, kept)
		}
	})
}
