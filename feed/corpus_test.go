package feed

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"storybot/internal/sharedtest"
)

// manifest lists the corpus feed files named in MANIFEST.tsv.
func manifest(t *testing.T, dir string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Skip("../shared/corpus/feeds not found: ", err)
	}
	defer f.Close()
	var files []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, _, _ := strings.Cut(sc.Text(), "\t")
		if name != "" && name != "file" {
			files = append(files, name)
		}
	}
	return files
}

// TestCorpus parses every real feed in ../shared/corpus/feeds.
func TestCorpus(t *testing.T) {
	dir := filepath.Join(sharedtest.Dir(t), "corpus", "feeds")
	files := manifest(t, dir)
	if len(files) != 14 {
		t.Errorf("got %d feeds in MANIFEST.tsv, want 14", len(files))
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(body, "https://feeds.example.org/"+name)
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) == 0 {
				t.Fatal("got 0 items, want some")
			}
			t.Logf("%d items, feed title %q, first %q", len(f.Items), f.Title, f.Items[0].Title)
			for i, it := range f.Items {
				if it.Title == "" || !utf8.ValidString(it.Title) {
					t.Errorf("item %d: got title %q, want non-empty valid UTF-8", i, it.Title)
				}
				if !utf8.ValidString(it.Content) {
					t.Errorf("item %d: content is not valid UTF-8", i)
				}
				if it.Title != strings.TrimSpace(it.Title) || strings.Contains(it.Title, "&amp;") {
					t.Errorf("item %d: got title %q, want trimmed and decoded", i, it.Title)
				}
			}
		})
	}
}

// TestCorpusLatin1 checks that the undeclared Latin-1 feed decodes its
// accented letters rather than mangling them.
func TestCorpusLatin1(t *testing.T) {
	path := filepath.Join(sharedtest.Dir(t), "corpus", "feeds", "rss2", "uol_noticias_pt_latin1.rss")
	body, err := os.ReadFile(path)
	if err != nil {
		t.Skip("../shared latin-1 feed not found: ", err)
	}
	f, err := Parse(body, "http://noticias.uol.com.br/")
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, it := range f.Items {
		all.WriteString(it.Title + "\n" + it.Content + "\n")
	}
	text := all.String()
	for _, want := range []string{"ã", "ç"} {
		if !strings.Contains(text, want) {
			t.Errorf("got no %q in titles and content, want some", want)
		}
	}
	if strings.ContainsRune(text, utf8.RuneError) || strings.Contains(text, "Ã") {
		t.Errorf("got replacement characters or double-decoded text, want clean Latin-1 decoding")
	}
}
