package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"storybot/quotes"
)

func cmdQuotes(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("quotes", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the quotes as JSON")
	since := fs.String("since", "", "only articles published since this date (YYYY-MM-DD)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 || strings.TrimSpace(fs.Arg(0)) == "" {
		return errUsage
	}
	r := quotes.Request{Speaker: fs.Arg(0), About: strings.Join(fs.Args()[1:], " ")}
	if *since != "" {
		t, err := time.Parse("2006-01-02", *since)
		if err != nil {
			return fmt.Errorf("--since %q: want YYYY-MM-DD", *since)
		}
		r.Since = t
	}
	a, err := openApp(ctx, e)
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := quotes.New(a.index).Find(ctx, r)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, res)
	}
	printQuotes(e, r, res)
	return nil
}

// printQuotes writes a speaker's quotes for a person at a terminal: a
// heading per story (title — outlet, date, URL), then each quote.
func printQuotes(e *env, r quotes.Request, res quotes.Result) {
	if res.Quotes == 0 {
		fmt.Fprintf(e.stdout, "Nobody called %q is quoted in the archive", r.Speaker)
		if r.About != "" || !r.Since.IsZero() {
			fmt.Fprint(e.stdout, " with these filters")
		}
		fmt.Fprintln(e.stdout, ".")
		return
	}
	name := res.Speaker
	if res.Role != "" {
		name += " (" + res.Role + ")"
	}
	fmt.Fprintf(e.stdout, "%s: %s in %s, newest first\n", name, plural(res.Quotes, "quote", "quotes"), plural(len(res.Stories), "story", "stories"))
	if len(res.Others) > 0 {
		fmt.Fprintf(e.stdout, "(the name may also mean %s)\n", strings.Join(res.Others, ", "))
	}
	for _, st := range res.Stories {
		date := "undated"
		if !st.Published.IsZero() {
			date = st.Published.UTC().Format("2006-01-02")
		}
		fmt.Fprintf(e.stdout, "\n%s — %s, %s, %s\n", st.Title, st.Outlet, date, st.URL)
		for _, q := range st.Quotes {
			fmt.Fprintf(e.stdout, "  “%s”\n", q.Text)
		}
	}
}
