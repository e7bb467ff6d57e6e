package evaluate

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Figures are one set's shares of questions that pass each check.
type Figures struct {
	N       int
	Article float64 // a gold article among the first citations
	Text    float64 // a gold answer or key quote inside the first passages
	Speaker float64 // a gold speaker among the speakers; -1 when not judged
}

// Row is the figures of one system on one half of one set; Split "all"
// is both halves.
type Row struct {
	System, Set string
	Split       Split
	Figures
}

// All is the split of a row over both halves.
const All Split = "all"

// Summarize counts outcomes by set and half.
func Summarize(system string, outs []Outcome) []Row {
	type key struct {
		set   string
		split Split
	}
	type tally struct{ n, art, txt, spk, judged int }
	t := map[key]*tally{}
	var order []key
	for _, o := range outs {
		for _, k := range []key{{o.Case.Set, o.Case.Split}, {o.Case.Set, All}} {
			if t[k] == nil {
				t[k] = &tally{}
				order = append(order, k)
			}
			x := t[k]
			x.n++
			x.art += b2i(o.Result.Article)
			x.txt += b2i(o.Result.Text)
			if o.Case.Speakers != nil {
				x.judged++
				x.spk += b2i(o.Result.Speaker)
			}
		}
	}
	slices.SortStableFunc(order, func(a, b key) int {
		return strings.Compare(string(a.split), string(b.split))
	})
	var rows []Row
	for _, k := range order {
		x := t[k]
		f := Figures{N: x.n, Article: share(x.art, x.n), Text: share(x.txt, x.n), Speaker: -1}
		if x.judged > 0 {
			f.Speaker = share(x.spk, x.judged)
		}
		rows = append(rows, Row{System: system, Set: k.set, Split: k.split, Figures: f})
	}
	return rows
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func share(k, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(k) / float64(n)
}

// Report is a whole evaluation: every system's rows and storybot's misses.
type Report struct {
	Rows   []Row
	Misses []Outcome // storybot's questions that failed a check
	Took   time.Duration
	Asked  int
}

// Find returns the row of system, set and split.
func (r Report) Find(system, set string, split Split) (Row, bool) {
	for _, x := range r.Rows {
		if x.System == system && x.Set == set && x.Split == split {
			return x, true
		}
	}
	return Row{}, false
}

// Write prints the table: each set, each half, storybot beside the baseline.
func (r Report) Write(w io.Writer) {
	fmt.Fprintf(w, "%-14s %-6s %-9s %4s %10s %8s %8s\n", "set", "split", "system", "n", "article@3", "text@3", "speaker")
	rows := slices.Clone(r.Rows)
	sets, splits := []string{SetWho, SetQuiz, SetWhoWeb, SetWeb}, []Split{Tuning, Validation, All}
	slices.SortStableFunc(rows, func(a, b Row) int {
		return cmp.Or(cmp.Compare(slices.Index(sets, a.Set), slices.Index(sets, b.Set)),
			cmp.Compare(slices.Index(splits, a.Split), slices.Index(splits, b.Split)),
			strings.Compare(b.System, a.System))
	})
	for _, x := range rows {
		sp := "-"
		if x.Speaker >= 0 {
			sp = fmt.Sprintf("%.3f", x.Speaker)
		}
		fmt.Fprintf(w, "%-14s %-6s %-9s %4d %10.3f %8.3f %8s\n", x.Set, x.Split, x.System, x.N, x.Article, x.Text, sp)
	}
	fmt.Fprintf(w, "asked %d questions of storybot in %s\n", r.Asked, r.Took.Round(time.Millisecond))
}

// WriteMisses prints each of storybot's questions that failed a check.
func (r Report) WriteMisses(w io.Writer) {
	for _, o := range r.Misses {
		var failed []string
		if !o.Result.Article {
			failed = append(failed, "article")
		}
		if !o.Result.Text {
			failed = append(failed, "text")
		}
		if o.Case.Speakers != nil && !o.Result.Speaker {
			failed = append(failed, "speaker")
		}
		fmt.Fprintf(w, "%s %s %s [%s] %q\n    got: %s\n", o.Case.Set, o.Case.Split, o.Case.ID, strings.Join(failed, ","), o.Case.Question, o.Got)
	}
}

// misses keeps the outcomes that failed a check.
func misses(outs []Outcome) []Outcome {
	var out []Outcome
	for _, o := range outs {
		r := o.Result
		if !r.Article || !r.Text || o.Case.Speakers != nil && !r.Speaker {
			out = append(out, o)
		}
	}
	return out
}
