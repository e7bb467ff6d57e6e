package main

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"storybot/article"
	"storybot/bot"
	"storybot/emerging"
	"storybot/metrics"
)

// suggestWindow is how far back /track suggest looks for emerging stories.
const suggestWindow = 48 * time.Hour

// maxSuggestions bounds the stories a suggestion run checks and returns.
const maxSuggestions = 10

func cmdSuggest(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("suggest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the suggestions as JSON")
	window := fs.Duration("window", suggestWindow, "how far back to look (articles stored since then)")
	guild := fs.String("guild", "", "leave out what this guild's tracked stories follow (config.yaml's always are)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errUsage
	}
	a, err := openApp(ctx, e)
	if err != nil {
		return err
	}
	defer a.Close()
	sugs, err := newService(a, metrics.NewStorybot(), nil).suggest(ctx, *guild, time.Now().Add(-*window))
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, sugs)
	}
	if len(sugs) == 0 {
		fmt.Fprintln(e.stdout, "no emerging stories")
	}
	for i, s := range sugs {
		fmt.Fprintf(e.stdout, "%d. %s — %s from %s; query %q finds %d\n", i+1, s.Name, plural(s.Articles, "article", "articles"),
			plural(s.Outlets, "outlet", "outlets"), s.Query, s.Found)
		for _, h := range s.Headlines {
			fmt.Fprintf(e.stdout, "     %s\n", h)
		}
	}
	return nil
}

// Suggest lists emerging stories of the last 48 hours, in what the guild
// may see, that none of its tracked stories follows (/track suggest).
func (s *service) Suggest(ctx context.Context, guildID string) ([]bot.Suggestion, error) {
	return s.suggest(ctx, guildID, time.Now().Add(-suggestWindow))
}

func (s *service) suggest(ctx context.Context, guildID string, since time.Time) ([]bot.Suggestion, error) {
	hidden, err := s.HiddenSources(ctx, guildID)
	if err != nil {
		return nil, err
	}
	var docs []emerging.Doc
	err = s.app.store.ArticlesAddedSince(ctx, since, func(a article.Article) error {
		if !hidden[a.Source] { // another guild's
			docs = append(docs, emerging.Doc{ID: a.ID, Title: a.Title, Outlet: a.OutletName(), Text: strings.Join(a.Paragraphs, "\n")})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	tracked, err := s.trackedQueries(ctx, guildID)
	if err != nil {
		return nil, err
	}
	window := make(map[string]bool, len(docs))
	for _, d := range docs {
		window[d.ID] = true
	}
	var out []bot.Suggestion
	for _, c := range emerging.Find(docs, emerging.Options{}) {
		ids := make([]string, len(c.Docs))
		for i, d := range c.Docs {
			ids[i] = docs[d].ID
		}
		followed, err := s.followed(ctx, tracked, ids)
		if err != nil {
			return nil, err
		}
		if followed {
			continue
		}
		sug, err := s.suggestion(ctx, c, docs, ids, window)
		if err != nil {
			return nil, err
		}
		if out = append(out, sug); len(out) == maxSuggestions {
			break
		}
	}
	return out, nil
}

// trackedQueries are the queries of the guild's stories and config.yaml's
// (whichever guild those belong to).
func (s *service) trackedQueries(ctx context.Context, guildID string) ([]string, error) {
	all, err := s.app.store.Stories(ctx, "") // every guild's
	if err != nil {
		return nil, err
	}
	var out []string
	for _, st := range all {
		if st.CreatedBy == configStory || st.GuildID == guildID {
			out = append(out, st.Query)
		}
	}
	return out, nil
}

// followed reports whether a tracked query matches at least half of a
// cluster's articles: a story sharing only a word or two with it does not
// hide it.
func (s *service) followed(ctx context.Context, queries []string, ids []string) (bool, error) {
	for _, q := range queries {
		ms, err := s.stories.Match(ctx, q, ids, 0)
		if err != nil {
			return false, err
		}
		if 2*len(ms) >= len(ids) {
			return true, nil
		}
	}
	return false, nil
}

// suggestion names a cluster by its two most telling words and picks the
// query, of its first two to four words, that best finds its articles
// among the window's: the F1 of what the query matches.
func (s *service) suggestion(ctx context.Context, c emerging.Cluster, docs []emerging.Doc, ids []string, window map[string]bool) (bot.Suggestion, error) {
	words := make([]string, 0, 4)
	for _, t := range c.Terms[:min(4, len(c.Terms))] {
		words = append(words, t.Word)
	}
	sug := bot.Suggestion{Name: strings.Join(words[:min(2, len(words))], " "), Articles: len(ids), Outlets: c.Outlets}
	member := make(map[string]bool, len(ids))
	for _, id := range ids {
		member[id] = true
	}
	best := -1.0
	for k := 2; k <= len(words); k++ {
		q := strings.Join(words[:k], " ")
		ms, err := s.stories.Match(ctx, q, nil, 0)
		if err != nil {
			return sug, err
		}
		hit, inWindow := 0, 0
		for _, m := range ms {
			if window[m.ArticleID] {
				inWindow++
			}
			if member[m.ArticleID] {
				hit++
			}
		}
		f1 := 0.0
		if hit > 0 {
			f1 = 2 * float64(hit) / float64(len(ids)+inWindow)
		}
		if f1 > best {
			best, sug.Query, sug.Found = f1, q, hit
		}
	}
	for _, d := range c.Docs {
		if len(sug.Headlines) < 3 && !slices.Contains(sug.Headlines, docs[d].Title) {
			sug.Headlines = append(sug.Headlines, docs[d].Title)
		}
	}
	return sug, nil
}
