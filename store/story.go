package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// ErrDigested is returned by BeginDigest for a window that ends at or
// before the story's cursor: it has been posted already.
var ErrDigested = errors.New("store: window already digested")

// Story is a tracked story of one guild ("" for stories in config.yaml):
// a saved query whose new matches are posted as digests.
type Story struct {
	GuildID   string    `json:"guild_id"`
	Name      string    `json:"name"` // as typed; looked up case-insensitively
	Query     string    `json:"query"`
	ChannelID string    `json:"channel_id,omitempty"`
	CreatedBy string    `json:"created_by,omitempty"`
	Created   time.Time `json:"created,omitzero"`

	// DigestedUntil is the end of the last window confirmed posted.
	DigestedUntil time.Time `json:"digested_until,omitzero"`
	// PendingWindowEnd and PendingNonce are set by BeginDigest before a post
	// and cleared by CommitDigest, so a crash between the two is visible and
	// the retry can reuse the nonce.
	PendingWindowEnd time.Time `json:"pending_window_end,omitzero"`
	PendingNonce     string    `json:"pending_nonce,omitempty"`
	LastMessageID    string    `json:"last_message_id,omitempty"`
}

// PutStory adds or replaces a story, cursor fields included: to change a
// story's query, read it with Story first. Created is set when zero.
func (s *Store) PutStory(ctx context.Context, st Story) error {
	if strings.TrimSpace(st.Name) == "" {
		return errors.New("store: put story: name is required")
	}
	if st.Created.IsZero() {
		st.Created = s.now()
	}
	err := s.update(ctx, func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketStories), storyKey(st.GuildID, st.Name), st)
	})
	if err != nil {
		return fmt.Errorf("store: put story %s: %w", st.Name, err)
	}
	return nil
}

// Story returns the guild's story with that name, ignoring case, or
// ErrNotFound.
func (s *Store) Story(ctx context.Context, guildID, name string) (Story, error) {
	var st Story
	err := s.view(ctx, func(tx *bolt.Tx) error {
		return getJSON(tx.Bucket(bucketStories), storyKey(guildID, name), &st)
	})
	if err != nil {
		return Story{}, fmt.Errorf("store: story %s: %w", name, err)
	}
	return st, nil
}

// DeleteStory removes a story, or returns ErrNotFound.
func (s *Store) DeleteStory(ctx context.Context, guildID, name string) error {
	err := s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketStories)
		if b.Get(storyKey(guildID, name)) == nil {
			return ErrNotFound
		}
		return b.Delete(storyKey(guildID, name))
	})
	if err != nil {
		return fmt.Errorf("store: delete story %s: %w", name, err)
	}
	return nil
}

// Stories returns the guild's stories by lower-case name; guildID "" means
// every guild's (and config.yaml's), ordered by guild then name.
func (s *Store) Stories(ctx context.Context, guildID string) ([]Story, error) {
	var prefix []byte
	if guildID != "" {
		prefix = []byte(guildID + "\x00")
	}
	var stories []Story
	err := s.view(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketStories)
		c := b.Cursor()
		for k, _ := c.Seek(prefix); k != nil && strings.HasPrefix(string(k), string(prefix)); k, _ = c.Next() {
			var st Story
			if err := getJSON(b, k, &st); err != nil {
				return err
			}
			stories = append(stories, st)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: stories of guild %q: %w", guildID, err)
	}
	return stories, nil
}

// BeginDigest records that a digest for the window ending at windowEnd is
// about to be posted with nonce. It returns ErrDigested if the cursor is
// already at or past windowEnd, and ErrNotFound for an unknown story. A
// pending post left by a crash is replaced; callers that want to reuse its
// nonce read Story first.
func (s *Store) BeginDigest(ctx context.Context, guildID, name string, windowEnd time.Time, nonce string) error {
	err := s.updateStory(ctx, guildID, name, func(st *Story) error {
		if !windowEnd.After(st.DigestedUntil) {
			return ErrDigested
		}
		st.PendingWindowEnd, st.PendingNonce = windowEnd, nonce
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: begin digest %s: %w", name, err)
	}
	return nil
}

// CommitDigest records that the digest for the window ending at windowEnd
// was posted as messageID: the cursor advances to windowEnd (never back)
// and a pending post up to that window is cleared. Committing twice is
// harmless.
func (s *Store) CommitDigest(ctx context.Context, guildID, name string, windowEnd time.Time, messageID string) error {
	err := s.updateStory(ctx, guildID, name, func(st *Story) error {
		if windowEnd.After(st.DigestedUntil) {
			st.DigestedUntil = windowEnd
		}
		if !st.PendingWindowEnd.After(windowEnd) {
			st.PendingWindowEnd, st.PendingNonce = time.Time{}, ""
		}
		st.LastMessageID = messageID
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: commit digest %s: %w", name, err)
	}
	return nil
}

// updateStory applies change to a stored story in one transaction.
func (s *Store) updateStory(ctx context.Context, guildID, name string, change func(*Story) error) error {
	return s.update(ctx, func(tx *bolt.Tx) error {
		b, key := tx.Bucket(bucketStories), storyKey(guildID, name)
		var st Story
		if err := getJSON(b, key, &st); err != nil {
			return err
		}
		if err := change(&st); err != nil {
			return err
		}
		return putJSON(b, key, st)
	})
}

func storyKey(guildID, name string) []byte {
	return append([]byte(guildID+"\x00"), foldKey(name)...)
}
