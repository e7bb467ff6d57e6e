package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"

	"storybot/article"
	"storybot/attrib"
	"storybot/extract"
	"storybot/ingest"
)

// attribution is the JSON shape of `storybot attrib --json`.
type attribution struct {
	URL        string             `json:"url"`
	Title      string             `json:"title"`
	Statements []statementOutline `json:"statements"`
}

// statementOutline is one statement: Speaker is empty where the text
// leaves the speaker uncertain; Paragraph counts from 1.
type statementOutline struct {
	Speaker   string `json:"speaker"`
	Role      string `json:"role"`
	Quote     string `json:"quote"`
	Paragraph int    `json:"paragraph"`
	Kind      string `json:"kind"`
}

func cmdAttrib(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("attrib", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	pageURL := fs.String("url", "", "the page's URL, when reading a saved file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errUsage
	}
	a, err := loadArticle(ctx, e, fs.Arg(0))
	if err != nil {
		return err
	}
	out := attribution{URL: a.URL, Title: a.Title, Statements: []statementOutline{}}
	if *pageURL != "" {
		out.URL = *pageURL
	}
	for _, s := range attrib.Statements(a.OutletName(), a.Paragraphs) {
		out.Statements = append(out.Statements, statementOutline{
			Speaker: s.Speaker, Role: s.Role, Quote: s.Quote, Paragraph: s.Paragraph + 1, Kind: s.Kind,
		})
	}
	if *asJSON {
		return writeJSON(e.stdout, out)
	}
	printAttribution(e.stdout, out)
	return nil
}

// loadArticle reads a local file as ingesting it would (text, Markdown
// or HTML), or fetches and extracts a page.
func loadArticle(ctx context.Context, e *env, arg string) (article.Article, error) {
	if u, err := url.Parse(arg); err != nil || u.Scheme != "http" && u.Scheme != "https" {
		return ingest.ReadFile(arg)
	}
	page, base, err := loadPage(ctx, e, arg, "", false)
	if err != nil {
		return article.Article{}, err
	}
	x, err := extract.Extract(page, base)
	if err != nil {
		return article.Article{}, err
	}
	return article.Article{URL: base.String(), Title: x.Title, Paragraphs: x.Paragraphs}, nil
}

// printAttribution writes the statements for a person at a terminal, one
// line each: paragraph, speaker (role), kind, and the words; without the
// control characters article text may carry.
func printAttribution(w io.Writer, a attribution) {
	w = printableWriter{w}
	fmt.Fprintf(w, "%s\n%s\n\n", a.Title, a.URL)
	for _, s := range a.Statements {
		who := s.Speaker
		if who == "" {
			who = "(speaker uncertain)"
		}
		if s.Role != "" {
			who += " (" + s.Role + ")"
		}
		fmt.Fprintf(w, "[%d] %s, %s: “%s”\n", s.Paragraph, who, s.Kind, s.Quote)
	}
	fmt.Fprintf(w, "\n%s\n", plural(len(a.Statements), "statement", "statements"))
}
