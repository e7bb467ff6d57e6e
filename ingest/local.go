package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"storybot/article"
	"storybot/extract"
	"storybot/fetch"
)

// fileKinds are the extensions read from local folders.
var fileKinds = map[string]bool{".txt": true, ".html": true, ".htm": true, ".md": true}

// maxFileBytes bounds one local file, like fetch's limit on a page.
const maxFileBytes = 8 << 20

// listFiles returns the article files at path: the file itself, or every
// readable article file below a folder, in a stable order.
func listFiles(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var out []string
	err = filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != path {
			return filepath.SkipDir
		}
		if !d.IsDir() && isArticleFile(d.Name()) && d.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("ingest: walk %s: %w", path, err)
	}
	return out, nil
}

// isArticleFile reports whether a file found in a folder is an article: of
// a kind storybot reads, and not the folder's README.
func isArticleFile(name string) bool {
	lower := strings.ToLower(name)
	return fileKinds[filepath.Ext(lower)] && !strings.HasPrefix(lower, "readme")
}

// ReadFile parses one local file (.txt, .md or .html) into an article, as
// ingesting it would.
func ReadFile(path string) (article.Article, error) {
	return (&Ingester{extract: extract.Extract}).readFile(path, "")
}

// readFile parses one local file into an article of source. A panic in a
// parser fails this file only.
func (in *Ingester) readFile(path, source string) (a article.Article, err error) {
	defer catch(&err, path)
	abs, err := filepath.Abs(path)
	if err != nil {
		return article.Article{}, fmt.Errorf("ingest: %w", err)
	}
	st, err := os.Stat(abs)
	if err != nil {
		return article.Article{}, fmt.Errorf("ingest: %w", err)
	}
	if st.Size() > maxFileBytes {
		return article.Article{}, fmt.Errorf("ingest: %s: %d bytes is over the %d byte limit", path, st.Size(), maxFileBytes)
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return article.Article{}, fmt.Errorf("ingest: %w", err)
	}
	u := (&url.URL{Scheme: "file", Path: abs}).String()
	a, err = parseFile(strings.ToLower(filepath.Ext(abs)), data, u, in.extract)
	if err != nil {
		return article.Article{}, fmt.Errorf("ingest: %s: %w", path, err)
	}
	a.Source = source
	a.Fetched = time.Now().UTC()
	a.Hash = article.ContentHash(a.Title, a.Paragraphs) // here, on all cores, not in the store's write
	return a, nil
}

// extractFunc extracts a page's article: extract.Extract, but for tests
// that need an extractor which fails in a way the real one no longer does.
type extractFunc func(page []byte, pageURL *url.URL) (extract.Article, error)

// parseFile parses a file's bytes by kind, HTML with ex. It is pure.
func parseFile(ext string, data []byte, fileURL string, ex extractFunc) (article.Article, error) {
	switch ext {
	case ".html", ".htm":
		u, _ := url.Parse(fileURL)
		x, err := ex(data, u)
		if err != nil {
			return article.Article{}, err
		}
		return article.Article{URL: fileURL, Title: x.Title, Author: x.Byline, Published: x.Published, Outlet: x.SiteName, Paragraphs: x.Paragraphs}, nil
	case ".md":
		return parseMarkdown(data, fileURL)
	default:
		return parseText(data, fileURL)
	}
}

// parseText reads the plain format of the seed and the BBC corpus: the first
// non-empty line is the headline, blank lines separate paragraphs.
func parseText(data []byte, fileURL string) (article.Article, error) {
	text, err := fetch.ToUTF8(data, "text/plain")
	if err != nil {
		return article.Article{}, err
	}
	title, body := headline(string(text))
	if title == "" {
		return article.Article{}, fmt.Errorf("empty file")
	}
	paras := extract.Clean(paragraphs(body))
	if len(paras) == 0 {
		return article.Article{}, fmt.Errorf("no article text after the headline")
	}
	return article.Article{URL: fileURL, Title: title, Paragraphs: paras}, nil
}

func headline(text string) (string, string) {
	text = strings.TrimPrefix(strings.ReplaceAll(text, "\r\n", "\n"), "\ufeff")
	for {
		line, rest, found := strings.Cut(text, "\n")
		if t := strings.TrimSpace(line); t != "" {
			return t, rest
		}
		if !found {
			return "", ""
		}
		text = rest
	}
}

// paragraphs splits on blank lines and joins wrapped lines within one. A
// block holding a boilerplate line or a list keeps each line apart, so that
// Clean can drop the boilerplate ones: the seed stacks a logo caption, a
// byline and "Font Size:" with no blank line between them.
func paragraphs(body string) []string {
	var out, block []string
	flush := func() {
		if len(block) > 1 && slices.ContainsFunc(block, apartLine) {
			out = append(out, block...)
		} else if len(block) > 0 {
			out = append(out, strings.Join(block, " "))
		}
		block = block[:0]
	}
	for _, line := range strings.Split(body, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			flush()
			continue
		}
		block = append(block, line)
	}
	flush()
	return out
}

// apartLine reports whether a line of a block stands alone: boilerplate or a
// list item.
func apartLine(line string) bool {
	return extract.IsBoilerplate(line) || strings.HasPrefix(line, "- ") ||
		strings.HasPrefix(line, "* ") || strings.HasPrefix(line, "• ")
}

// frontMatter is the optional YAML header of a Markdown article.
type frontMatter struct {
	Title     string `yaml:"title"`
	URL       string `yaml:"url"`
	Published string `yaml:"published"`
	Author    string `yaml:"author"`
	Source    string `yaml:"source"` // the outlet's name
}

func parseMarkdown(data []byte, fileURL string) (article.Article, error) {
	text, err := fetch.ToUTF8(data, "text/plain")
	if err != nil {
		return article.Article{}, err
	}
	var fm frontMatter
	body := strings.TrimPrefix(strings.ReplaceAll(string(text), "\r\n", "\n"), "\ufeff")
	if rest, ok := strings.CutPrefix(body, "---\n"); ok {
		head, tail, found := strings.Cut(rest, "\n---\n")
		if !found {
			return article.Article{}, fmt.Errorf("front matter has no closing ---")
		}
		if err := yaml.NewDecoder(bytes.NewReader([]byte(head))).Decode(&fm); err != nil {
			return article.Article{}, fmt.Errorf("front matter: %w", err)
		}
		body = tail
	}
	var paras []string
	for _, p := range paragraphs(body) {
		if strings.HasPrefix(p, "#") && fm.Title == "" {
			fm.Title = strings.TrimSpace(strings.TrimLeft(p, "#"))
			continue
		}
		paras = append(paras, plainMarkdown(p))
	}
	a := article.Article{URL: fileURL, Title: fm.Title, Author: fm.Author, Outlet: fm.Source, Paragraphs: extract.Clean(paras)}
	if fm.URL != "" {
		a.URL = fm.URL
	}
	if fm.Published != "" {
		t, err := parseDate(fm.Published)
		if err != nil {
			return article.Article{}, fmt.Errorf("front matter: published %q: %w", fm.Published, err)
		}
		a.Published = t
	}
	if a.Title == "" || len(a.Paragraphs) == 0 {
		return article.Article{}, fmt.Errorf("needs a title and some text")
	}
	return a, nil
}

// reImage matches a Markdown image; reLink a link, capturing its text.
var (
	reImage = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	reLink  = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
)

// plainMarkdown strips the Markdown that matters in news text: headings'
// hashes, emphasis, images (an alt text is no article text) and links
// (keeping the link text).
func plainMarkdown(p string) string {
	p = strings.TrimSpace(strings.TrimLeft(p, "#>"))
	if strings.Contains(p, "](") { // in every image and link
		p = reImage.ReplaceAllString(p, "")
		p = reLink.ReplaceAllString(p, "$1")
	}
	return emphasis.Replace(p)
}

var emphasis = strings.NewReplacer("**", "", "__", "")

func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("want YYYY-MM-DD or RFC 3339")
}
