package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"storybot/answer"
)

func cmdAsk(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the answer as JSON")
	source := fs.String("source", "", "only passages from this source")
	since := fs.String("since", "", "only articles published since this date (YYYY-MM-DD)")
	limit := fs.Int("limit", 5, "citations wanted, 1 to 50")
	explain := fs.Bool("explain", false, "show, for each citation, its features and what each added to its score")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *limit < 1 || *limit > 50 {
		return fmt.Errorf("--limit %d: want 1 to 50 citations", *limit)
	}
	q := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(q) == "" {
		return errUsage
	}
	r := answer.Request{Question: q, Source: *source, Limit: *limit, Explain: *explain}
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
	if err := checkSource(a, r.Source); err != nil {
		return err
	}
	ans, err := answer.New(a.index).Ask(ctx, r)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, ans)
	}
	printAnswer(e.stdout, ans)
	return nil
}

// checkSource refuses a --source no indexed passage has, naming those that
// exist, rather than answer "nothing matches".
func checkSource(a *app, source string) error {
	if source == "" {
		return nil
	}
	known, err := a.index.Sources()
	if err != nil || slices.Contains(known, source) {
		return err
	}
	if len(known) > 20 {
		known = append(known[:20], "…")
	}
	return fmt.Errorf("--source %q: no indexed article comes from a source of that name (sources are case-sensitive: %s)",
		source, strings.Join(known, ", "))
}

// printAnswer writes an answer for a person at a terminal, without the
// control characters article text may carry.
func printAnswer(w io.Writer, a answer.Answer) {
	w = printableWriter{w}
	if len(a.Citations) == 0 {
		fmt.Fprintln(w, a.Hint)
		return
	}
	fmt.Fprintln(w, a.Answer)
	if len(a.Speakers) > 0 {
		fmt.Fprintln(w)
		for _, s := range a.Speakers {
			name := s.Name
			if s.Role != "" {
				name += " (" + s.Role + ")"
			}
			fmt.Fprintf(w, "  %s: “%s” [%d]\n", name, s.Quote, s.Citation)
		}
	}
	fmt.Fprintln(w)
	for _, c := range a.Citations {
		fmt.Fprintf(w, "[%d] %s\n    %s\n", c.N, citationLine(c), wrap(c.Passage, 100, "    "))
		if c.Explain != nil {
			printExplanation(w, c.Explain)
		}
	}
}

// printExplanation writes why a citation ranked where it did: its score,
// its article's relevance, and each feature that added to it, most first.
func printExplanation(w io.Writer, e *answer.Explanation) {
	note := ""
	if e.OffTopic {
		note = ", off topic: after every on-topic passage"
	}
	fmt.Fprintf(w, "    score %.3f (%s weights; article relevance %.2f of the best; evidence counts in proportion%s)\n", e.Score, e.Column, e.Relevance, note)
	fs := slices.Clone(e.Features)
	slices.SortStableFunc(fs, func(a, b answer.Contribution) int { return cmp.Compare(b.Adds, a.Adds) })
	for _, f := range fs {
		if f.Value == 0 || f.Weight == 0 {
			continue
		}
		fmt.Fprintf(w, "      %-18s %.3f × %.2f = %+.3f\n", f.Feature, f.Value, f.Weight, f.Adds)
	}
}

// citationLine is "Title — Source, date, URL".
func citationLine(c answer.Citation) string {
	parts := []string{c.Source}
	if c.Published != "" {
		parts = append(parts, c.Published)
	}
	parts = append(parts, c.URL)
	return c.Title + " — " + strings.Join(parts, ", ")
}

func wrap(s string, width int, indent string) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		if n > 0 && n+len(w) > width {
			b.WriteString("\n" + indent)
			n = 0
		} else if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}
