package quotes

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"storybot/index"
)

// Known is a speaker the index knows, for autocomplete.
type Known struct {
	Name   string
	Role   string
	Quotes int
}

// knownPassages bounds the passages read for one autocomplete.
const knownPassages = 1000

// Known returns the speakers whose name or role starts like typed (each
// of its words a word of the name or role, the last perhaps cut short),
// most quoted first, at most limit of them. Names are folded, shown as
// most often written.
func (f *Finder) Known(ctx context.Context, typed string, limit int) ([]Known, error) {
	q := words(typed)
	if len(q) == 0 {
		return nil, nil
	}
	hits, err := f.idx.Search(ctx, index.Query{Speaker: strings.Join(q, " "), SpeakerPrefix: true, Size: knownPassages, ExcludeSources: f.hidden})
	if err != nil {
		return nil, fmt.Errorf("quotes: known speakers: %w", err)
	}
	count := map[string]int{}
	names := map[string]map[string]int{}
	roles := map[string]map[string]int{}
	for _, h := range hits {
		for _, s := range h.Passage.Speakers {
			if s.Quote == "" || !startsLike(q, s.Name, s.Role) {
				continue
			}
			k := key(words(s.Name))
			count[k]++
			tally(names, k, s.Name)
			if s.Role != "" {
				tally(roles, k, s.Role)
			}
		}
	}
	out := make([]Known, 0, len(count))
	for k, n := range count {
		out = append(out, Known{Name: commonest(names[k]), Role: commonest(roles[k]), Quotes: n})
	}
	slices.SortFunc(out, func(a, b Known) int {
		if c := cmp.Compare(b.Quotes, a.Quotes); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func tally(m map[string]map[string]int, k, v string) {
	if m[k] == nil {
		m[k] = map[string]int{}
	}
	m[k][v]++
}

// startsLike reports whether every typed word is a word of the name or
// role, the last one perhaps only its start.
func startsLike(q []string, name, role string) bool {
	ws := append(words(name), words(role)...)
	for i, w := range q {
		last := i == len(q)-1
		if !slices.ContainsFunc(ws, func(x string) bool { return x == w || last && strings.HasPrefix(x, w) }) {
			return false
		}
	}
	return true
}
