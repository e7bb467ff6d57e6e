package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"storybot/answer"
	"storybot/internal/sharedtest"
	"storybot/metrics"
)

// outletSite serves a feed titled "Harbour Evening News" whose one item's
// page names no site, and a page whose og:site_name is "Riverside Courier".
func outletSite(t *testing.T) *httptest.Server {
	page := func(site, title, body string) string {
		meta := ""
		if site != "" {
			meta = `<meta property="og:site_name" content="` + site + `">`
		}
		return `<html><head><title>` + title + `</title>` + meta + `</head><body><article><h1>` + title + `</h1><p>` +
			strings.Repeat(body+" ", 4) + `</p></article></body></html>`
	}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Evening News</title><link>%s/</link>`+
			`<item><title>Ferry returns to the harbour</title><link>%s/ferry</link><pubDate>Mon, 04 Mar 2024 08:00:00 +0000</pubDate></item>`+
			`</channel></rss>`, srv.URL, srv.URL)
	})
	mux.HandleFunc("/ferry", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("", "Ferry returns to the harbour", "The harbour ferry returned on Monday after winter repairs, the harbourmaster said."))
	})
	mux.HandleFunc("/bridge", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Riverside Courier", "Bridge reopens", "The riverside footbridge reopened to walkers on Tuesday, the council said."))
	})
	mux.HandleFunc("/radio", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Riverside Courier", "Lighthouse lamp relit", "The old lighthouse lamp was relit on Friday by volunteers, the keeper said."))
	})
	return srv
}

func askJSONArgs(t *testing.T, args ...string) answer.Answer {
	t.Helper()
	out := mustRun(t, args...)
	var a answer.Answer
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("ask --json: %v\n%s", err, out)
	}
	return a
}

// TestCitationsNameOutlets: citations show the feed's title, the page's
// og:site_name and the front matter's source; --source still takes the
// configured source's name; /sources add may set a display name.
func TestCitationsNameOutlets(t *testing.T) {
	srv := outletSite(t)
	cfg := setup(t, filepath.Join(sharedtest.RepoRoot(), "examples", "corpus"))
	body, _ := os.ReadFile(cfg)
	if err := os.WriteFile(cfg, append(body, "fetch:\n  host_delay: 1ms\n"...), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "--config", cfg, "ingest")
	mustRun(t, "--config", cfg, "ingest", "--allow-private", "--source", "harbour", srv.URL+"/feed.xml")
	mustRun(t, "--config", cfg, "ingest", "--allow-private", srv.URL+"/bridge")
	for _, tc := range []struct{ q, source, want string }{
		{"harbour ferry repairs", "", "Harbour Evening News"},
		{"harbour ferry repairs", "harbour", "Harbour Evening News"},
		{"riverside footbridge", "", "Riverside Courier"},
		{"what did Roger Carr say about the Kraft offer", "", "Sample Business Daily"},
		{"what did Roger Carr say about the Kraft offer", "examples", "Sample Business Daily"},
	} {
		args := []string{"--config", cfg, "ask", "--json"}
		if tc.source != "" {
			args = append(args, "--source", tc.source)
		}
		a := askJSONArgs(t, append(args, tc.q)...)
		if len(a.Citations) == 0 || a.Citations[0].Source != tc.want {
			t.Errorf("ask %q (source %q): citations %+v, want the first from %s", tc.q, tc.source, a.Citations, tc.want)
		}
	}

	ctx := context.Background()
	app, err := openApp(ctx, &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, configPath: cfg})
	if err != nil {
		t.Fatal(err)
	}
	s := newService(app, metrics.NewStorybot(), nil)
	// A guild's source never reaches private addresses; loopback stands in
	// for the web here, so the check and the ingest are let through.
	admin := sourceAdmin{s: s, fetch: app.fetcher().Private()}
	if err := admin.Add(ctx, "300000000000000001", "radio", srv.URL+"/radio", " Harbour   Radio ", "500000000000000001"); err != nil {
		t.Fatal(err)
	}
	srcs, err := s.allSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range srcs {
		srcs[i].AllowPrivate = true
	}
	if sum := s.ingest.Run(ctx, srcs, nil); sum.Failed != 0 {
		t.Fatalf("ingest: %s %v", sum, sum.Errors)
	}
	app.Close()
	a := askJSONArgs(t, "--config", cfg, "ask", "--json", "--source", "radio", "lighthouse lamp relit")
	if len(a.Citations) == 0 || a.Citations[0].Source != "Harbour Radio" {
		t.Errorf("a source added with a display name: citations %+v, want Harbour Radio", a.Citations)
	}
}
