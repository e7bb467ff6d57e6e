package feed

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// billionLaughs builds an RSS document whose DOCTYPE nests ten entity
// levels, each ten times the one before: fully expanded, &lol9; would be
// about 3 GB.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?>` + "\n" + `<!DOCTYPE rss [` + "\n" + `<!ENTITY lol "lol">` + "\n")
	for i := 1; i <= 9; i++ {
		prev := "lol"
		if i > 1 {
			prev = fmt.Sprintf("lol%d", i-1)
		}
		b.WriteString(fmt.Sprintf(`<!ENTITY lol%d "%s">`+"\n", i, strings.Repeat("&"+prev+";", 10)))
	}
	b.WriteString(`]>` + "\n" + `<rss version="2.0"><channel><title>&lol9;</title>` +
		`<item><title>laughs &lol9;</title><guid>1</guid><description>&lol9;</description></item>` +
		`</channel></rss>`)
	return b.String()
}

// TestEntityExpansion checks that DOCTYPE entities are never expanded:
// memory stays bounded and the references survive as inert text, or the
// parse fails. It fails if gofeed or encoding/xml ever start expanding.
func TestEntityExpansion(t *testing.T) {
	docs := map[string]string{
		"billion laughs": billionLaughs(),
		"external entity": `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` +
			`<rss version="2.0"><channel><title>t</title><item><title>x &xxe; y</title><guid>1</guid></item></channel></rss>`,
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			f, err := Parse([]byte(doc), "https://example.org/feed")
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
				t.Errorf("got %d MiB allocated, want under 16 MiB", alloc>>20)
			}
			if err != nil {
				t.Logf("rejected: %v", err)
				return
			}
			for _, it := range f.Items {
				if len(it.Title)+len(it.Content) > 200 || strings.Contains(it.Title, "root:") {
					t.Errorf("got title %.80q (%d bytes), want the entity left unexpanded", it.Title, len(it.Title))
				}
			}
			t.Logf("kept as text: title %q", f.Items[0].Title)
		})
	}
}

func TestNotFeed(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"empty", "", "empty body"},
		{"whitespace only", " \n\t ", "empty body"},
		{"utf-16 byte-order mark only", "\xff\xfe", "empty body"},
		{"utf-16 spaces only", "\xff\xfe \x00\n\x00", "empty body"},
		{"html doctype", "<!DOCTYPE html>\n<html><head><title>Home</title></head></html>", "looks like an HTML page, not a feed"},
		{"html no doctype", "<html lang=en><body>hi</body></html>", "looks like an HTML page, not a feed"},
		{"xhtml", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`, "looks like an HTML page"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like binary data"},
		{"plain text", "Service temporarily unavailable", "looks like plain text"},
		{"other xml", `<?xml version="1.0"?><sitemap><url/></sitemap>`, "no rss, feed or RDF root"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.body), "https://example.org/x")
			if !errors.Is(err, ErrNotFeed) {
				t.Fatalf("got %v, want ErrNotFeed", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

// TestMalformedLikeTheWild covers the shapes of broken feeds found in the
// corpus, in fixtures of our own: space before the XML declaration, and
// Latin-1 bytes with or without a declaration.
func TestMalformedLikeTheWild(t *testing.T) {
	tests := []struct {
		name, body, wantTitle string
	}{
		{"blank line before declaration",
			"\n\n  <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>c</title><item><title>Café opens</title><guid>1</guid></item></channel></rss>",
			"Café opens"},
		{"latin-1 undeclared",
			"<rss><channel><title>c</title><item><title>Elei\xe7\xe3o na regi\xe3o</title><guid>1</guid></item></channel></rss>",
			"Eleição na região"},
		{"latin-1 declared",
			"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>c</title><item><title>S\xe3o Paulo</title><guid>1</guid></item></channel></rss>",
			"São Paulo"},
		{"unknown encoding label, utf-8 text",
			"<?xml version=\"1.0\" encoding=\"ANSI\"?><rss version=\"2.0\"><channel><title>c</title><item><title>Zürich vote</title><guid>1</guid></item></channel></rss>",
			"Zürich vote"},
		{"unknown encoding label, latin-1 text",
			"<?xml version=\"1.0\" encoding=\"x-unknown\"?><rss version=\"2.0\"><channel><title>c</title><item><title>S\xe3o Paulo</title><guid>1</guid></item></channel></rss>",
			"São Paulo"},
		{"utf-8 bom",
			"\xef\xbb\xbf<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>c</title><entry><id>1</id><title>Zürich</title></entry></feed>",
			"Zürich"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.body), "https://example.org/feed")
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != 1 || f.Items[0].Title != tt.wantTitle {
				t.Fatalf("got %+v, want one item titled %q", f.Items, tt.wantTitle)
			}
		})
	}
}
