package scale

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"storybot/article"
	"storybot/attrib"
	"storybot/evaluate"
)

// seed is one real article the generator copies and draws sentences from.
type seed struct {
	title, url string
	published  time.Time
	paragraphs []string
	group      int // seeds of one group lend each other sentences
	// sentences returns every sentence of paragraphs, in order, cut on
	// first use: a small corpus draws on few seeds.
	sentences func() []string
}

// material is the real text a corpus is made of: the BBC corpus, the news
// quiz's CNN articles and the 2023 web articles, in a fixed order.
type material struct {
	seeds  []seed
	groups [][]int // seed indexes of each group
	real   int     // the first real seeds are copied as they are
}

// loadMaterial reads the real articles under shared. The web set is
// optional; the BBC corpus is not.
func loadMaterial(shared string) (*material, error) {
	m := &material{}
	bbc := filepath.Join(shared, "corpus", "bbc")
	sections, err := os.ReadDir(bbc)
	if err != nil {
		return nil, fmt.Errorf("scale: %w", err)
	}
	for _, sec := range sections {
		if sec.IsDir() {
			if err := m.addBBC(filepath.Join(bbc, sec.Name())); err != nil {
				return nil, err
			}
		}
	}
	if len(m.seeds) == 0 {
		return nil, fmt.Errorf("scale: no articles in %s", bbc)
	}
	quiz, err := evaluate.ReadJSONL[evaluate.QuizCase](filepath.Join(shared, "eval", "news-quiz-dev.jsonl"))
	if err == nil {
		g := m.newGroup()
		for _, q := range quiz {
			for _, a := range q.GoldArticles {
				m.add(g, slugTitle(a.URL), a.URL, date(a.Published), a.Text)
			}
		}
	}
	web, err := evaluate.ReadJSONL[evaluate.WebQuizCase](filepath.Join(shared, "eval", "news-quiz-web-2023.jsonl.gz"))
	if err == nil {
		g := m.newGroup()
		for _, q := range web {
			for _, a := range q.GoldArticles {
				m.add(g, a.Title, a.URL, date(a.Published), a.Text)
			}
		}
	}
	m.dedup()
	m.real = len(m.seeds)
	return m, nil
}

// addBBC adds one section of the BBC corpus as a group: the first line of
// a file is its headline, blank lines part its paragraphs.
func (m *material) addBBC(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return fmt.Errorf("scale: %w", err)
	}
	slices.Sort(files)
	g := m.newGroup()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("scale: %w", err)
		}
		title, body, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
		m.add(g, strings.TrimSpace(title), "", time.Time{}, body)
	}
	return nil
}

func (m *material) newGroup() int {
	m.groups = append(m.groups, nil)
	return len(m.groups) - 1
}

// add appends an article of group g whose paragraphs are parted by blank
// lines in text.
func (m *material) add(g int, title, url string, published time.Time, text string) {
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	if title == "" || len(paras) == 0 {
		return
	}
	sents := sync.OnceValue(func() []string {
		var out []string
		for _, p := range paras {
			out = append(out, attrib.Sentences(p)...)
		}
		if len(out) == 0 {
			out = paras
		}
		return out
	})
	m.groups[g] = append(m.groups[g], len(m.seeds))
	m.seeds = append(m.seeds, seed{title: title, url: url, published: published, paragraphs: paras, sentences: sents, group: g})
}

// dedup drops the seeds whose URL an earlier one has (the quiz sets cite
// some articles for several questions), keeping the groups' indexes true.
func (m *material) dedup() {
	seen := map[string]bool{}
	keep := make([]seed, 0, len(m.seeds))
	for _, s := range m.seeds {
		if s.url != "" {
			u, err := article.CanonicalURL(s.url)
			if err != nil || seen[u] {
				continue
			}
			seen[u] = true
		}
		keep = append(keep, s)
	}
	m.seeds = keep
	for g := range m.groups {
		m.groups[g] = m.groups[g][:0]
	}
	for i, s := range m.seeds {
		m.groups[s.group] = append(m.groups[s.group], i)
	}
}

// date reads a set's YYYY/MM/DD date; zero when absent or unreadable.
func date(s string) time.Time {
	t, _ := time.Parse("2006/01/02", s)
	return t
}

// slugTitle makes a headline of a URL's last meaningful path element: the
// quiz set's CNN articles have none of their own.
func slugTitle(u string) string {
	parts := strings.Split(strings.Trim(u, "/"), "/")
	for i := len(parts) - 1; i >= 0; i-- {
		if p := parts[i]; p != "index.html" && p != "" {
			return strings.ReplaceAll(p, "-", " ")
		}
	}
	return ""
}
