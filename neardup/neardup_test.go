package neardup

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"storybot/internal/sharedtest"
)

// Three short reports written for the near-duplicate and digest tests
// (testdata/reports): a wire story, the same story as a second outlet ran
// it (new intro wording, a few words changed, the last sentence cut), and a
// different event on the same topic.
var (
	wire      = report("wire")
	rewritten = report("rewritten")
	sameTopic = report("same-topic")
)

func report(name string) string {
	b, err := os.ReadFile(filepath.Join("testdata", "reports", name+".txt"))
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestSameEvent(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"identical", wire, wire, true},
		{"light rewrite in another outlet", wire, rewritten, true},
		{"trimmed to the first half", wire, firstHalf(wire), true},
		{"different event, same topic", wire, sameTopic, false},
		{"rewrite vs different event", rewritten, sameTopic, false},
		{"short teaser inside the story", wire, "Manchester City Council has confirmed a leak.", false},
		{"empty", wire, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := Shingles(tt.a), Shingles(tt.b)
			j, c := similarity(a, b)
			if got := Same(a, b); got != tt.want {
				t.Errorf("got %v (jaccard %.2f, containment %.2f), want %v", got, j, c, tt.want)
			}
		})
	}
}

func firstHalf(s string) string {
	w := strings.Fields(s)
	return strings.Join(w[:len(w)/2], " ")
}

func TestClustersTransitive(t *testing.T) {
	got := Groups([]string{wire, sameTopic, rewritten, firstHalf(rewritten)})
	want := "[[0 2 3] [1]]"
	if fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

// TestNearDupOnBBC measures the thresholds on the BBC corpus: different
// articles of one category (same topics, same names) must almost never
// merge, and lightly rewritten copies of an article must.
func TestNearDupOnBBC(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus measurement")
	}
	root := filepath.Join(sharedtest.Dir(t), "corpus", "bbc")
	rng := rand.New(rand.NewPCG(1, 2))
	var pairs, merged int
	rewrites := map[string][2]int{} // kind → {tried, merged}
	for _, cat := range []string{"business", "entertainment", "politics", "sport", "tech"} {
		texts := readTexts(t, filepath.Join(root, cat), 200)
		sets := make([][]uint64, len(texts))
		for i := range texts {
			sets[i] = Shingles(texts[i])
		}
		for i := range sets {
			for j := i + 1; j < len(sets); j++ {
				pairs++
				if Same(sets[i], sets[j]) {
					merged++
				}
			}
			for _, k := range rewriteKinds {
				r := rewrites[k.name]
				r[0]++
				if Same(sets[i], Shingles(rewrite(texts[i], rng, k.rate, k.trim))) {
					r[1]++
				}
				rewrites[k.name] = r
			}
		}
	}
	// The corpus itself holds some duplicate and updated articles, so a
	// few merges are right; more than 1 in 2,000 pairs is not.
	t.Logf("different articles: %d of %d pairs merged", merged, pairs)
	if merged*2000 > pairs {
		t.Errorf("got %d of %d pairs of different articles merged, want at most 1 in 2,000", merged, pairs)
	}
	for _, k := range rewriteKinds {
		r := rewrites[k.name]
		rate := float64(r[1]) / float64(r[0])
		t.Logf("%s: %d of %d merged (%.1f%%)", k.name, r[1], r[0], 100*rate)
		if rate < k.want {
			t.Errorf("%s: got %.3f merged, want at least %.2f", k.name, rate, k.want)
		}
	}
}

var rewriteKinds = []struct {
	name string
	rate float64 // share of words replaced
	trim bool    // last third of the paragraphs cut
	want float64 // least share that must merge
}{
	{"5% of words changed", 0.05, false, 0.99},
	{"10% of words changed", 0.10, false, 0.99},
	{"5% changed and trimmed", 0.05, true, 0.80},
}

// rewrite changes a share of text's words and optionally cuts its last
// third of paragraphs, as an outlet editing wire copy might.
func rewrite(text string, rng *rand.Rand, rate float64, trim bool) string {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	if trim && len(paras) > 3 {
		paras = paras[:len(paras)*2/3]
	}
	words := strings.Fields(strings.Join(paras, "\n"))
	for i := range words {
		if rng.Float64() < rate {
			words[i] = fmt.Sprintf("w%d", rng.IntN(1000))
		}
	}
	return strings.Join(words, " ")
}

func readTexts(t *testing.T, dir string, n int) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in %s: %v", dir, err)
	}
	files = files[:min(n, len(files))]
	texts := make([]string, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = string(b)
	}
	return texts
}
