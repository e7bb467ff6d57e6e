// Package emerging finds stories forming in recent articles: groups of
// articles that share rare words (a name, a place, a company, an unusual
// noun) or are near-duplicates of one another, large enough to be worth
// tracking. It is pure: no I/O.
package emerging

import (
	"cmp"
	"slices"

	"storybot/index"
	"storybot/neardup"
)

// Doc is one recent article.
type Doc struct {
	ID     string
	Title  string
	Outlet string
	Text   string
}

// Cluster is a group of docs about one story.
type Cluster struct {
	Docs    []int  // indexes into the docs given to Find, most central first
	Terms   []Term // the words the docs share, most telling first
	Outlets int    // distinct outlets among the docs
}

// Term is a word a cluster's docs share: its index stem, the form it is
// most often written in, and its weight in the cluster.
type Term struct {
	Stem   string
	Word   string
	Weight float64
}

// Options tune Find; zero values take the defaults.
type Options struct {
	// A cluster is kept with MinArticles articles, or MinOutlets
	// outlets and at least that many articles. Defaults 5 and 3.
	MinArticles, MinOutlets int
	// Link is the cosine similarity of two docs' rare-word vectors above
	// which they are about the same story. Default DefaultLink.
	Link float64
}

// DefaultLink is the similarity that links two docs, tuned by reading the
// clusters of the BBC and web corpora (see the README's table): below it
// articles sharing only a topic (two football reports) are joined; above it
// follow-ups of one story with new wording fall apart.
const DefaultLink = 0.3

// nearDupFloor is the least similarity at which two docs are tested for
// near-duplication: copies of one report share most rare words, so the
// shingle test is spared for pairs that obviously differ.
const nearDupFloor = 0.15

// Find groups docs into clusters, largest first, keeping those big enough
// by o.
func Find(docs []Doc, o Options) []Cluster {
	o = o.withDefaults()
	vs := vectors(docs)
	links := link(docs, vs, o.Link)
	var out []Cluster
	for _, members := range stars(len(docs), links) {
		c := Cluster{Docs: members, Outlets: outlets(docs, members)}
		if len(members) < o.MinArticles && (c.Outlets < o.MinOutlets || len(members) < o.MinOutlets) {
			continue
		}
		c.Terms = terms(vs, members)
		if !headlined(docs, members, c.Terms) {
			continue
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(a, b Cluster) int { return cmp.Compare(len(b.Docs), len(a.Docs)) })
	return out
}

func (o Options) withDefaults() Options {
	if o.MinArticles <= 0 {
		o.MinArticles = 5
	}
	if o.MinOutlets <= 0 {
		o.MinOutlets = 3
	}
	if o.Link <= 0 {
		o.Link = DefaultLink
	}
	return o
}

// edge is a link to another doc with its similarity.
type edge struct {
	to  int
	sim float64
}

// link returns each doc's links: pairs above the threshold, and
// near-duplicates above nearDupFloor. Dot products are summed over a
// posting list per word, so only pairs sharing a word are visited.
func link(docs []Doc, vs []vector, threshold float64) [][]edge {
	postings := map[string][]int{}
	for i, v := range vs {
		for _, w := range v {
			postings[w.stem] = append(postings[w.stem], i)
		}
	}
	shingles := make([][]uint64, len(docs))
	shingled := func(i int) []uint64 {
		if shingles[i] == nil {
			shingles[i] = neardup.Shingles(docs[i].Title + "\n" + docs[i].Text)
		}
		return shingles[i]
	}
	links := make([][]edge, len(docs))
	dot := make([]float64, len(docs))
	for i, v := range vs {
		clear(dot)
		for _, w := range v {
			for _, j := range postings[w.stem] {
				if j > i {
					dot[j] += w.weight * vs[j].weight(w.stem)
				}
			}
		}
		for j := i + 1; j < len(docs); j++ {
			if dot[j] >= threshold || dot[j] >= nearDupFloor && neardup.Same(shingled(i), shingled(j)) {
				links[i] = append(links[i], edge{j, dot[j]})
				links[j] = append(links[j], edge{i, dot[j]})
			}
		}
	}
	return links
}

// joinShare is the share of a star's members a neighbour of its centre
// must link to, more than, to join it.
const joinShare = 0.5

// stars clusters by stars: the doc with the most (and strongest) links
// still unassigned becomes a centre and takes those of its unassigned
// neighbours that link to more than joinShare of its members so far.
// Unlike joining every linked pair, this does not chain one story into
// the next, even when the centre is a round-up that mentions both.
func stars(n int, links [][]edge) [][]int {
	linked := make([]map[int]bool, n)
	for i, es := range links {
		linked[i] = make(map[int]bool, len(es))
		for _, e := range es {
			linked[i][e.to] = true
		}
	}
	strength := make([]float64, n)
	order := make([]int, n)
	for i := range n {
		order[i] = i
		for _, e := range links[i] {
			strength[i] += e.sim
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(strength[b], strength[a]) })
	assigned := make([]bool, n)
	var out [][]int
	for _, c := range order {
		if assigned[c] || len(links[c]) == 0 {
			continue
		}
		assigned[c] = true
		members := []int{c}
		near := slices.Clone(links[c])
		slices.SortStableFunc(near, func(a, b edge) int { return cmp.Compare(b.sim, a.sim) })
		for _, e := range near {
			if assigned[e.to] {
				continue
			}
			k := 0
			for _, m := range members {
				if linked[e.to][m] {
					k++
				}
			}
			if float64(k) > joinShare*float64(len(members)) {
				assigned[e.to] = true
				members = append(members, e.to)
			}
		}
		if len(members) > 1 {
			out = append(out, members)
		}
	}
	return out
}

// Headline support: a story's words are in most of its headlines.
const (
	// headlineTerms of a cluster's words are looked for in its headlines.
	headlineTerms = 5
	// minHeadlined is the share of a cluster's headlines that must hold
	// one of them. Pages that share only boilerplate (a subscription
	// wall, a cookie notice) cluster on it, but their headlines differ.
	minHeadlined = 0.5
)

// headlined reports whether enough of the members' headlines hold one of
// the cluster's first headlineTerms words.
func headlined(docs []Doc, members []int, ts []Term) bool {
	top := map[string]bool{}
	for _, t := range ts[:min(headlineTerms, len(ts))] {
		top[t.Stem] = true
	}
	n := 0
	for _, i := range members {
		for _, tok := range index.Analyze(docs[i].Title) {
			if top[tok.Term] {
				n++
				break
			}
		}
	}
	return float64(n) >= minHeadlined*float64(len(members))
}

func outlets(docs []Doc, members []int) int {
	seen := map[string]bool{}
	for _, i := range members {
		seen[docs[i].Outlet] = true
	}
	return len(seen)
}

// terms sums the members' word weights and returns the words, heaviest
// first, that at least two members share.
func terms(vs []vector, members []int) []Term {
	sum := map[string]float64{}
	n := map[string]int{}
	word := map[string]string{}
	for _, i := range members {
		for _, w := range vs[i] {
			sum[w.stem] += w.weight
			n[w.stem]++
			word[w.stem] = cmp.Or(word[w.stem], w.word)
		}
	}
	var out []Term
	for s, wt := range sum {
		if n[s] >= 2 {
			out = append(out, Term{Stem: s, Word: word[s], Weight: wt})
		}
	}
	slices.SortFunc(out, func(a, b Term) int {
		if c := cmp.Compare(b.Weight, a.Weight); c != 0 {
			return c
		}
		return cmp.Compare(a.Stem, b.Stem)
	})
	return out
}
