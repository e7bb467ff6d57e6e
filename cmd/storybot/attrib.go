package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"storybot/attrib"
	"storybot/extract"
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
	page, base, err := loadPage(ctx, e, fs.Arg(0), *pageURL)
	if err != nil {
		return err
	}
	x, err := extract.Extract(page, base)
	if err != nil {
		return err
	}
	out := attribution{Title: x.Title, Statements: []statementOutline{}}
	if base != nil {
		out.URL = base.String()
	}
	for _, s := range attrib.Statements(x.Paragraphs) {
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

// printAttribution writes the statements for a person at a terminal, one
// line each: paragraph, speaker (role), kind, and the words.
func printAttribution(w io.Writer, a attribution) {
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
