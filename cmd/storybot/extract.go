package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"storybot/config"
	"storybot/extract"
	"storybot/fetch"
)

// extraction is the JSON shape of `storybot extract --json`.
type extraction struct {
	Title     string `json:"title"`
	Byline    string `json:"byline"`
	Published string `json:"published"`
	SiteName  string `json:"site_name,omitempty"`
	Text      string `json:"text"`
}

func cmdExtract(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	pageURL := fs.String("url", "", "the page's URL, when extracting a saved file")
	private := fs.Bool("allow-private", false, "let the URL reach loopback, private and link-local addresses")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errUsage
	}
	page, base, err := loadPage(ctx, e, fs.Arg(0), *pageURL, *private)
	if err != nil {
		return err
	}
	x, err := extract.Extract(page, base)
	if err != nil {
		return err
	}
	out := extraction{Title: x.Title, Byline: x.Byline, SiteName: x.SiteName, Text: strings.Join(x.Paragraphs, "\n\n")}
	if !x.Published.IsZero() {
		out.Published = x.Published.Format(time.RFC3339)
	}
	if *asJSON {
		return writeJSON(e.stdout, out)
	}
	fmt.Fprintf(printableWriter{e.stdout}, "%s\n%s %s\n\n%s\n", out.Title, out.Byline, out.Published, out.Text)
	return nil
}

// loadPage reads a page from a file or fetches it over HTTP with the
// configured limits (the defaults when there is no config file).
func loadPage(ctx context.Context, e *env, arg, pageURL string, allowPrivate bool) ([]byte, *url.URL, error) {
	base, _ := url.Parse(pageURL)
	if u, err := url.Parse(arg); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		cfg, err := config.Load(e.configPath)
		if errors.Is(err, os.ErrNotExist) {
			cfg, err = config.Load("")
		}
		if err != nil {
			return nil, nil, err
		}
		f := cfg.Fetch
		c := fetch.New(fetch.Options{Timeout: f.Timeout, MaxBytes: f.MaxBytes, UserAgent: f.UserAgent, AllowPrivate: allowPrivate})
		resp, err := c.Get(ctx, arg, fetch.Conditional{})
		if err != nil {
			return nil, nil, err
		}
		final, _ := url.Parse(resp.URL)
		return resp.Body, final, nil
	}
	if st, err := os.Stat(arg); err == nil && st.Size() > 8<<20 {
		return nil, nil, fmt.Errorf("%s is over 8 MiB", arg)
	}
	page, err := os.ReadFile(arg)
	if err != nil {
		return nil, nil, err
	}
	return page, base, nil
}
