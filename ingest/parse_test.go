package ingest

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"storybot/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// TestParseGolden runs parseFile over every testdata/parse file and compares
// the article (or the error) with the file's .golden twin.
func TestParseGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "parse", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".txt" && ext != ".md" {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := goldenText(parseFile(ext, data, "file:///corpus/"+filepath.Base(f), extract.Extract))
			golden := f + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
	if n == 0 {
		t.Fatal("got no testdata/parse files, want some")
	}
}

func goldenText(a any, err error) []byte {
	if err != nil {
		return []byte("error: " + err.Error() + "\n")
	}
	b, _ := json.MarshalIndent(a, "", "  ")
	return append(b, '\n')
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name, in    string
		title       string
		paragraphs  int
		has, hasNot []string
		err         string
	}{
		{name: "headline then paragraphs", in: "\n\n  Big Headline  \n\nFirst paragraph of the story is here.\n\nSecond one\nwraps.\n",
			title: "Big Headline", paragraphs: 2, has: []string{"Second one wraps."}},
		{name: "seed boilerplate dropped", in: "Pier Closed\n\nFont Size:\n\nThe pier was closed on Tuesday after engineers found cracks.\n\n" +
			"Follow Mara Quint on Twitter\n\nSend tips to tips@example.org.\n\n" +
			"Content created by The Daily Example News Foundation is available without charge to any eligible news publisher.\n",
			title: "Pier Closed", paragraphs: 1, hasNot: []string{"Font Size", "Twitter", "Send tips", "without charge"}},
		{name: "latin-1 decoded", in: "Caf\xe9 Prices\n\nA caf\xe9 cr\xe8me now costs \xa35 in the old town, owners said.\n",
			title: "Café Prices", paragraphs: 1, has: []string{"café crème", "£5"}},
		{name: "byte order mark and CRLF", in: "\ufeffTitle\r\n\r\nOne paragraph of text that ends here.\r\n", title: "Title", paragraphs: 1},
		{name: "empty", in: " \n\n\t\n", err: "empty file"},
		{name: "headline only", in: "Just A Headline\n\n", err: "no article text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parseText([]byte(tt.in), "file:///x.txt")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if a.Title != tt.title {
				t.Errorf("got title %q, want %q", a.Title, tt.title)
			}
			if len(a.Paragraphs) != tt.paragraphs {
				t.Errorf("got %d paragraphs %q, want %d", len(a.Paragraphs), a.Paragraphs, tt.paragraphs)
			}
			body := strings.Join(a.Paragraphs, "\n")
			for _, s := range tt.has {
				if !strings.Contains(body, s) {
					t.Errorf("got body %q, want it to contain %q", body, s)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(body, s) {
					t.Errorf("got body %q, want no %q", body, s)
				}
			}
		})
	}
}

func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		name, in                   string
		title, url, author, source string
		published                  time.Time
		first                      string
		err                        string
	}{
		{name: "front matter", in: "---\ntitle: Tide Record\nurl: https://example.org/tide\npublished: 2024-02-03\nauthor: Priya Lund\nsource: Coast News\n---\n\nThe tide gauge recorded its **highest** level since 1953, the [authority](https://example.org/a) said.\n",
			title: "Tide Record", url: "https://example.org/tide", author: "Priya Lund", source: "Coast News",
			published: time.Date(2024, 2, 3, 0, 0, 0, 0, time.UTC),
			first:     "The tide gauge recorded its highest level since 1953, the authority said."},
		{name: "rfc 3339 date in another zone", in: "---\ntitle: T\npublished: 2024-02-03T08:30:00+01:00\n---\nBody text of the article goes here.\n",
			title: "T", url: "file:///x.md", published: time.Date(2024, 2, 3, 7, 30, 0, 0, time.UTC), first: "Body text of the article goes here."},
		{name: "heading is the title without front matter", in: "# Library Hours\n\nThe library will stay open until midnight, the city said.\n",
			title: "Library Hours", url: "file:///x.md", first: "The library will stay open until midnight, the city said."},
		{name: "front matter title wins over a heading", in: "---\ntitle: From Front Matter\n---\n# A Heading\n\nText of the story is this sentence.\n",
			title: "From Front Matter", url: "file:///x.md", first: "Text of the story is this sentence."},
		{name: "image dropped, link text kept", in: "# T\n\n![A gauge](https://example.org/g.jpg)\n\nSee the [report](https://example.org/r) for more.\n",
			title: "T", url: "file:///x.md", first: "See the report for more."},
		{name: "unclosed front matter", in: "---\ntitle: x\n\nbody\n", err: "no closing ---"},
		{name: "bad yaml", in: "---\ntitle: [unbalanced\n---\nbody text\n", err: "front matter"},
		{name: "bad date", in: "---\ntitle: x\npublished: tomorrow\n---\nSome body text here.\n", err: `published "tomorrow"`},
		{name: "no title", in: "Just a paragraph with no heading at all.\n", err: "needs a title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parseMarkdown([]byte(tt.in), "file:///x.md")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			for _, c := range [][3]string{{"title", a.Title, tt.title}, {"url", a.URL, tt.url},
				{"author", a.Author, tt.author}, {"outlet", a.Outlet, tt.source}, {"first paragraph", a.Paragraphs[0], tt.first}} {
				if c[1] != c[2] {
					t.Errorf("got %s %q, want %q", c[0], c[1], c[2])
				}
			}
			if !a.Published.Equal(tt.published) {
				t.Errorf("got published %v, want %v", a.Published, tt.published)
			}
		})
	}
}
