// Package chart draws a story's coverage as a picture: articles per day
// over the story's life, stacked by outlet, with the busiest days'
// headlines marked. The counting is pure; drawing goes through gonum's
// plot.
package chart

import (
	"cmp"
	"slices"
	"time"
)

// Article is one article of a story, as the chart needs it.
type Article struct {
	Title     string
	Outlet    string
	Published time.Time // zero: undated, counted but not drawn
}

// Unit is the width of one bar.
type Unit string

// Units of a bar: a story that runs for months is drawn by week or month,
// or its bars would be hairlines.
const (
	Day   Unit = "day"
	Week  Unit = "week"
	Month Unit = "month"
)

// Limits of a chart.
const (
	// maxOutlets outlets get a colour each; the rest are stacked as one.
	maxOutlets = 6
	// minBars is the fewest bars drawn.
	minBars = 7
	// Busiest is how many of the busiest bars get their headline marked.
	Busiest = 3
	// OtherOutlets names the stack of the outlets beyond maxOutlets.
	OtherOutlets = "other outlets"
)

// Coverage is a story's articles counted per bar and outlet.
type Coverage struct {
	Unit    Unit
	Start   time.Time  // first bar's start (UTC)
	Bars    []Bar      // one per Unit from Start, empty ones included
	Outlets []string   // stack order: most articles first, OtherOutlets last
	Marked  []Headline // the busiest bars, busiest first
	Undated int        // articles with no date, not in any bar
}

// Bar is one day (week, month) of coverage.
type Bar struct {
	Start  time.Time
	Counts []int // per Coverage.Outlets
	Total  int
}

// Headline marks a busy bar with one of its articles' titles.
type Headline struct {
	Bar   int // index in Coverage.Bars
	Title string
	Count int
}

// Count bins articles by Unit (chosen from the story's span) and outlet.
func Count(arts []Article) Coverage {
	var dated []Article
	var cov Coverage
	for _, a := range arts {
		if a.Published.IsZero() {
			cov.Undated++
			continue
		}
		a.Published = a.Published.UTC()
		dated = append(dated, a)
	}
	if len(dated) == 0 {
		cov.Unit = Day
		return cov
	}
	slices.SortStableFunc(dated, func(a, b Article) int { return a.Published.Compare(b.Published) })
	first, last := dated[0].Published, dated[len(dated)-1].Published
	cov.Unit = unitFor(last.Sub(first))
	cov.Start = floor(first, cov.Unit)
	if short := minBars - barIndex(cov, last) - 1; short > 0 {
		// a story of a day or two is drawn in a week's context, not as
		// one bar filling the picture
		for range (short + 1) / 2 {
			cov.Start = prev(cov.Start, cov.Unit)
		}
		for range short / 2 {
			last = next(floor(last, cov.Unit), cov.Unit)
		}
	}
	cov.Outlets = outlets(dated)
	slot := map[string]int{}
	for i, o := range cov.Outlets {
		slot[o] = i
	}
	titles := map[int][]string{}
	for t := cov.Start; !t.After(last); t = next(t, cov.Unit) {
		cov.Bars = append(cov.Bars, Bar{Start: t, Counts: make([]int, len(cov.Outlets))})
	}
	for _, a := range dated {
		i := barIndex(cov, a.Published)
		s, ok := slot[outletName(a)]
		if !ok {
			s = len(cov.Outlets) - 1
		}
		cov.Bars[i].Counts[s]++
		cov.Bars[i].Total++
		titles[i] = append(titles[i], a.Title)
	}
	cov.Marked = busiest(cov.Bars, titles)
	return cov
}

// unitFor picks the bar width for a story spanning span.
func unitFor(span time.Duration) Unit {
	const day = 24 * time.Hour
	switch {
	case span > 2*365*day:
		return Month
	case span > 120*day:
		return Week
	}
	return Day
}

// floor returns the start of t's bar: midnight, the Monday, the 1st.
func floor(t time.Time, u Unit) time.Time {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	switch u {
	case Week:
		return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
	case Month:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return d
}

func next(t time.Time, u Unit) time.Time {
	switch u {
	case Week:
		return t.AddDate(0, 0, 7)
	case Month:
		return t.AddDate(0, 1, 0)
	}
	return t.AddDate(0, 0, 1)
}

func prev(t time.Time, u Unit) time.Time {
	switch u {
	case Week:
		return t.AddDate(0, 0, -7)
	case Month:
		return t.AddDate(0, -1, 0)
	}
	return t.AddDate(0, 0, -1)
}

func barIndex(cov Coverage, t time.Time) int {
	start := floor(t, cov.Unit)
	switch cov.Unit {
	case Month:
		return (start.Year()-cov.Start.Year())*12 + int(start.Month()-cov.Start.Month())
	case Week:
		return int(start.Sub(cov.Start).Hours()+12) / (24 * 7)
	}
	return int(start.Sub(cov.Start).Hours()+12) / 24
}

func outletName(a Article) string {
	if a.Outlet == "" {
		return "unknown outlet"
	}
	return a.Outlet
}

// outlets orders outlets by articles, most first (ties by name), keeping
// maxOutlets and stacking the rest as OtherOutlets.
func outlets(arts []Article) []string {
	n := map[string]int{}
	for _, a := range arts {
		n[outletName(a)]++
	}
	names := make([]string, 0, len(n))
	for o := range n {
		names = append(names, o)
	}
	slices.SortFunc(names, func(a, b string) int {
		if c := cmp.Compare(n[b], n[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	if len(names) > maxOutlets {
		names = append(names[:maxOutlets-1], OtherOutlets)
	}
	return names
}

// busiest returns the Busiest bars with most articles (earlier first on a
// tie), each with the title most of its articles share words with: the
// headline that best stands for the day.
func busiest(bars []Bar, titles map[int][]string) []Headline {
	idx := make([]int, 0, len(bars))
	for i, b := range bars {
		if b.Total > 0 {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(bars[b].Total, bars[a].Total) })
	if len(idx) > Busiest {
		idx = idx[:Busiest]
	}
	out := make([]Headline, len(idx))
	for i, b := range idx {
		out[i] = Headline{Bar: b, Title: representative(titles[b]), Count: bars[b].Total}
	}
	return out
}
