package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"storybot/article"
	"storybot/fetch"
	"storybot/index"
	"storybot/internal/sharedtest"
)

// copyFiles copies testdata files into a fresh folder and returns it.
func copyFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for dst, src := range files {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, dst)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, dst), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fileURL is the URL an article read from path gets.
func fileURL(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return "file://" + abs
}

func TestIngestLocalFiles(t *testing.T) {
	dir := copyFiles(t, map[string]string{
		"pier.txt":           "testdata/parse/boilerplate.txt",
		"latin1.txt":         "testdata/parse/latin1.txt",
		"tide.md":            "testdata/parse/front-matter.md",
		"sub/library.md":     "testdata/parse/no-front-matter.md",
		"sub/page.html":      "testdata/local/page.html",
		".hidden/skipped.md": "testdata/parse/no-front-matter.md",
		"notes.csv":          "testdata/parse/latin1.txt",
	})
	e := newEnv(t, fetch.Options{}, Options{})
	s := e.run(t, Source{Name: "local", Kind: KindPath, Target: dir})
	if s.New != 5 || s.Failed != 0 || len(s.Errors) != 0 {
		t.Fatalf("got %s %v, want 5 new and no failure", s, s.Errors)
	}
	ctx := context.Background()
	get := func(u string) article.Article {
		t.Helper()
		a, err := e.store.ArticleByURL(ctx, u)
		if err != nil {
			t.Fatalf("ArticleByURL(%q): %v", u, err)
		}
		return a
	}
	t.Run("text", func(t *testing.T) {
		a := get(fileURL(t, filepath.Join(dir, "pier.txt")))
		if a.Title != "Harbour Council Votes To Close The Old Ferry Pier" || a.Source != "local" {
			t.Errorf("got title %q source %q, want the headline and source local", a.Title, a.Source)
		}
		if !strings.HasPrefix(a.URL, "file:///") {
			t.Errorf("got url %q, want file:// and an absolute path", a.URL)
		}
	})
	t.Run("latin-1", func(t *testing.T) {
		a := get(fileURL(t, filepath.Join(dir, "latin1.txt")))
		if a.Title != "Café prices rise to £5 in Zürich" {
			t.Errorf("got title %q, want the Latin-1 headline decoded", a.Title)
		}
	})
	t.Run("markdown front matter", func(t *testing.T) {
		a := get("https://news.example.org/tide-gauge")
		if a.Outlet != "Example Coast News" || a.Author != "Priya Lund" || a.Published.IsZero() {
			t.Errorf("got outlet %q author %q published %v, want the front matter's", a.Outlet, a.Author, a.Published)
		}
		if a.Source != "local" {
			t.Errorf("got source %q, want the configured source's name, local", a.Source)
		}
	})
	t.Run("markdown heading", func(t *testing.T) {
		a := get(fileURL(t, filepath.Join(dir, "sub", "library.md")))
		if a.Title != "Library Extends Opening Hours For Exam Season" {
			t.Errorf("got title %q, want the heading", a.Title)
		}
	})
	t.Run("html", func(t *testing.T) {
		a := get(fileURL(t, filepath.Join(dir, "sub", "page.html")))
		if a.Title != "Bridge Reopens After Repairs" || a.Author != "Tom Vell" || len(a.Paragraphs) != 3 {
			t.Errorf("got title %q author %q %d paragraphs %q, want the extracted article", a.Title, a.Author, len(a.Paragraphs), a.Paragraphs)
		}
	})
	t.Run("no boilerplate in passages", func(t *testing.T) {
		for _, w := range []string{"Font Size", "on Twitter", "Send tips", "without charge", "logo", "Share this", "rights reserved"} {
			hits, err := e.index.Search(ctx, index.Query{Clauses: []index.Clause{{Text: w}}})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range hits {
				if strings.Contains(h.Passage.Text, w) {
					t.Errorf("got passage %q, want no %q", h.Passage.Text, w)
				}
			}
		}
	})
	checkConsistent(t, e)
	again := e.run(t, Source{Name: "local", Kind: KindPath, Target: dir})
	if again.Unchanged != 5 || again.New+again.Updated+again.Passages != 0 {
		t.Errorf("second run: got %s, want 5 unchanged and nothing indexed", again)
	}
}

func TestIngestBBCLatin1(t *testing.T) {
	path := filepath.Join(sharedtest.Dir(t), "corpus", "bbc", "sport", "199.txt")
	e := newEnv(t, fetch.Options{}, Options{})
	s := e.run(t, Source{Name: "bbc", Kind: KindPath, Target: path})
	if s.New != 1 {
		t.Fatalf("got %s %v, want 1 new", s, s.Errors)
	}
	a, err := e.store.ArticleByURL(context.Background(), fileURL(t, path))
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Join(a.Paragraphs, "\n")
	if !strings.Contains(body, "£15.8") || strings.ContainsRune(body, '\uFFFD') {
		t.Errorf("got body %.200q, want £15.8 decoded from Latin-1 and no replacement character", body)
	}
}

func TestIngestLocalErrors(t *testing.T) {
	dir := copyFiles(t, map[string]string{
		"good.txt":  "testdata/parse/crlf.txt",
		"empty.txt": "testdata/parse/empty.txt",
		"bad.md":    "testdata/parse/bad-date.md",
	})
	e := newEnv(t, fetch.Options{}, Options{})
	s := e.run(t,
		Source{Name: "folder", Kind: KindPath, Target: dir},
		Source{Name: "missing", Kind: KindPath, Target: filepath.Join(dir, "no-such-folder")})
	if s.New != 1 || s.Failed != 3 {
		t.Fatalf("got %s %v, want 1 new and 3 failed", s, s.Errors)
	}
	joined := ""
	for _, err := range s.Errors {
		joined += err.Error() + "\n"
	}
	for _, want := range []string{"empty.txt", "empty file", "bad.md", "published", "no-such-folder"} {
		if !strings.Contains(joined, want) {
			t.Errorf("got errors\n%s\nwant one mentioning %q", joined, want)
		}
	}
}

func TestFromArgs(t *testing.T) {
	dir := copyFiles(t, map[string]string{"news/a.txt": "testdata/parse/crlf.txt"})
	got, err := FromArgs([]string{filepath.Join(dir, "news"), filepath.Join(dir, "news", "a.txt"), "https://Example.org/feed"}, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []Source{
		{Name: "news", Kind: KindPath, Target: filepath.Join(dir, "news")},
		{Name: "news", Kind: KindPath, Target: filepath.Join(dir, "news", "a.txt")},
		{Name: "example.org", Kind: KindAuto, Target: "https://Example.org/feed"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("source %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	for _, bad := range []string{"ftp://example.org/x", filepath.Join(dir, "nothing-here")} {
		if _, err := FromArgs([]string{bad}, ""); err == nil {
			t.Errorf("FromArgs(%q): got nil error, want one", bad)
		}
	}
}

// checkConsistent checks that the index holds exactly the passages of the
// stored articles: every article is indexed as it is stored now, and
// nothing else is.
func checkConsistent(t *testing.T, e *env) {
	t.Helper()
	if err := Check(context.Background(), e.store, e.index); err != nil {
		t.Error(err)
	}
}
