package digest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"storybot/article"
	"storybot/store"
)

// Nonce identifies the post of one story's window: the same guild, story
// and window end always give the same nonce, so a retried post is
// recognised by Discord. It is 25 characters, Discord's limit.
func Nonce(guildID, story string, windowEnd time.Time) string {
	h := sha256.New()
	h.Write([]byte(guildID + "\x00" + strings.ToLower(story) + "\x00"))
	h.Write([]byte(strconv.FormatInt(windowEnd.UnixNano(), 10)))
	return "d" + hex.EncodeToString(h.Sum(nil))[:24]
}

// runStory composes one story's window and posts it, recording the post
// as begun before sending it and as done only once Discord confirms it.
// It reports whether a message was posted, and its number of entries.
func (r *Runner) runStory(ctx context.Context, st store.Story) (entries int, posted bool, err error) {
	w := r.window(st)
	if !w.end.After(w.start) {
		return 0, false, nil
	}
	d, err := r.compose(ctx, st, w)
	if err != nil {
		return 0, false, err
	}
	if len(d.Entries) == 0 && !r.PostEmpty {
		// Nothing to say: move the cursor past the window, keeping the
		// last message ID. (Also clears a pending post whose articles
		// have since been deleted.)
		return 0, false, r.Stories.CommitDigest(ctx, st.GuildID, st.Name, w.end, st.LastMessageID)
	}
	if !w.retry {
		err := r.Stories.BeginDigest(ctx, st.GuildID, st.Name, w.end, w.nonce)
		if errors.Is(err, store.ErrDigested) {
			return 0, false, nil // another process got there first
		}
		if err != nil {
			return 0, false, err
		}
	}
	id, err := r.post(ctx, d, w)
	if err != nil {
		return 0, false, fmt.Errorf("post: %w", err) // pending kept: the retry reuses the nonce
	}
	if err := r.Stories.CommitDigest(ctx, st.GuildID, st.Name, w.end, id); err != nil {
		return len(d.Entries), true, fmt.Errorf("posted as message %s but not recorded (the retry reuses the nonce): %w", id, err)
	}
	r.log().Info("digest posted", "guild_id", st.GuildID, "story", st.Name, "message_id", id,
		"entries", len(d.Entries), "window_start", w.start, "window_end", w.end, "retry", w.retry)
	return len(d.Entries), true, nil
}

// post sends d, unless this is a retry and the Poster can find the
// message the interrupted run already posted.
func (r *Runner) post(ctx context.Context, d Digest, w window) (string, error) {
	if f, ok := r.Poster.(Finder); ok && w.retry {
		id, found, err := f.FindDigest(ctx, d, w.nonce)
		if err != nil {
			return "", fmt.Errorf("find earlier post: %w", err)
		}
		if found {
			return id, nil
		}
	}
	return r.Poster.PostDigest(ctx, d, w.nonce)
}

// compose gathers the articles stored in the window, asks the matcher
// which match the story, and composes the digest.
func (r *Runner) compose(ctx context.Context, st store.Story, w window) (Digest, error) {
	head := Digest{
		GuildID: st.GuildID, ChannelID: st.ChannelID, Story: st.Name, Query: st.Query,
		WindowStart: w.start, WindowEnd: w.end,
	}
	var hidden map[string]bool
	if r.Visible != nil {
		var err error
		if hidden, err = r.Visible.HiddenSources(ctx, st.GuildID); err != nil {
			return head, fmt.Errorf("visible sources: %w", err)
		}
	}
	byID := make(map[string]Item)
	var ids []string
	err := r.Articles.ArticlesAddedSince(ctx, w.start, func(a article.Article) error {
		// Fetched after the window closed means stored after it too: the
		// next window has it. (Zero means unknown: keep it.)
		if a.Fetched.After(w.end) || hidden[a.Source] {
			return nil
		}
		if _, dup := byID[a.ID]; !dup {
			ids = append(ids, a.ID)
		}
		it := Item{
			ArticleID: a.ID, Title: a.Title, URL: a.URL, Source: a.OutletName(),
			Published: a.Published, Paragraphs: a.Paragraphs,
		}
		if it.Published.IsZero() {
			it.Published = a.Fetched // undated items sort by when we saw them
		}
		byID[a.ID] = it
		return nil
	})
	if err != nil {
		return head, fmt.Errorf("list new articles: %w", err)
	}
	if len(ids) == 0 {
		return Compose(head, nil, r.MaxEntries), nil
	}
	matches, err := r.Matcher.Match(ctx, st.Query, ids)
	if err != nil {
		return head, fmt.Errorf("match %q: %w", st.Query, err)
	}
	items := make([]Item, 0, len(matches))
	for _, m := range matches {
		it, ok := byID[m.ArticleID]
		if !ok {
			continue // the matcher may only narrow the list
		}
		it.Passage, it.Score = m.Passage, m.Score
		items = append(items, it)
	}
	return Compose(head, items, r.MaxEntries), nil
}
