package evaluate

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestSiteIngest serves articles as pages behind outlet feeds and ingests
// them through the real feed reader and extractor: every article is stored
// once, with its title, date and paragraphs as written.
func TestSiteIngest(t *testing.T) {
	var as []WebArticle
	for i := range 12 {
		host := []string{"www.usatoday.com", "www.cnn.com", "example.org"}[i%3]
		as = append(as, WebArticle{
			URL:       fmt.Sprintf("https://%s/story/%d/", host, i),
			Title:     fmt.Sprintf("Council number %d approves the harbour plan", i),
			Published: fmt.Sprintf("2023/03/%02d", i+1),
			Authors:   []string{"Jane Doe"},
			Text: fmt.Sprintf("The council voted %d to 3 on Tuesday to approve the harbour plan & its budget.\n\n"+
				"\u201cThis is a good day for the town,\u201d said Mayor Ann Lee of plan %d.\n\n"+
				"Work starts in spring and should take two years, officials said.", i+4, i), // the ampersand must survive escaping
		})
	}
	site := NewSite(as)
	defer site.Close()
	c, err := Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	sum, err := c.AddSite(ctx, site)
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != len(as) || sum.Failed != 0 {
		t.Fatalf("got %s, want %d new and none failed", sum, len(as))
	}
	for _, a := range as {
		got, err := c.Store.ArticleByURL(ctx, site.LocalURL(a.URL))
		if err != nil {
			t.Fatalf("%s: %v", a.URL, err)
		}
		if got.Title != a.Title {
			t.Errorf("%s: title %q, want %q", a.URL, got.Title, a.Title)
		}
		if d := got.Published.Format("2006/01/02"); d != a.Published {
			t.Errorf("%s: published %s, want %s", a.URL, d, a.Published)
		}
		if want := paragraphs(a.Text); !slices.Equal(got.Paragraphs, want) {
			t.Errorf("%s: paragraphs\n%q\nwant\n%q", a.URL, got.Paragraphs, want)
		}
		if wantSrc := outletName(outletHost(a.URL)); got.Source != wantSrc {
			t.Errorf("%s: source %q, want %q", a.URL, got.Source, wantSrc)
		}
	}
	if site.LocalURL("https://elsewhere.example/") != "" || !strings.HasPrefix(site.LocalURL(as[0].URL), "http://127.0.0.1:") {
		t.Errorf("LocalURL: got %q for a served article", site.LocalURL(as[0].URL))
	}
}
