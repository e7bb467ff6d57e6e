package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// bucketSourceOwners maps the name (as given) of every source a guild
// added to that guild's ID.
var bucketSourceOwners = []byte("source_owners")

// SourceState is what storybot remembers about fetching one source: the
// conditional-GET validators and its health, for backoff and /status.
type SourceState struct {
	ETag                string    `json:"etag,omitempty"`
	LastModified        string    `json:"last_modified,omitempty"`
	LastAttempt         time.Time `json:"last_attempt,omitzero"`
	LastSuccess         time.Time `json:"last_success,omitzero"`
	LastError           string    `json:"last_error,omitempty"`
	ConsecutiveFailures int       `json:"consecutive_failures,omitempty"`
	NextAttempt         time.Time `json:"next_attempt,omitzero"` // not before: backoff after failures
	Articles            int       `json:"articles,omitempty"`    // stored from this source so far
}

// SourceState returns the state of the named source, or the zero value if
// it has never been fetched.
func (s *Store) SourceState(ctx context.Context, name string) (SourceState, error) {
	var st SourceState
	err := s.view(ctx, func(tx *bolt.Tx) error {
		return getJSON(tx.Bucket(bucketSourceState), []byte(name), &st)
	})
	if err != nil && !errors.Is(err, ErrNotFound) {
		return SourceState{}, fmt.Errorf("store: source state %s: %w", name, err)
	}
	return st, nil
}

// PutSourceState replaces the state of the named source.
func (s *Store) PutSourceState(ctx context.Context, name string, st SourceState) error {
	err := s.update(ctx, func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketSourceState), []byte(name), st)
	})
	if err != nil {
		return fmt.Errorf("store: put source state %s: %w", name, err)
	}
	return nil
}

// SourceStates returns the state of every source ever fetched, by name.
func (s *Store) SourceStates(ctx context.Context) (map[string]SourceState, error) {
	states := make(map[string]SourceState)
	err := s.view(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSourceState).ForEach(func(k, _ []byte) error {
			var st SourceState
			err := getJSON(tx.Bucket(bucketSourceState), k, &st)
			states[string(k)] = st
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: source states: %w", err)
	}
	return states, nil
}

// Source is a source an admin added at run time; sources in config.yaml
// are not stored.
type Source struct {
	Name     string    `json:"name"`
	URL      string    `json:"url"`  // a feed or page URL, or a local path
	Kind     string    `json:"kind"` // "feed", "page" or "path"
	Schedule string    `json:"schedule,omitempty"`
	Outlet   string    `json:"outlet,omitempty"` // display name set with /sources add
	GuildID  string    `json:"guild_id,omitempty"`
	AddedBy  string    `json:"added_by,omitempty"`
	Added    time.Time `json:"added,omitzero"`
}

// PutSource adds or replaces a source. Names are case-insensitive; Added
// is set to now when zero. A guild's source is recorded as the guild's for
// good (see SourceOwners).
func (s *Store) PutSource(ctx context.Context, src Source) error {
	if strings.TrimSpace(src.Name) == "" || src.URL == "" {
		return errors.New("store: put source: name and url are required")
	}
	switch src.Kind {
	case "feed", "page", "path":
	default:
		return fmt.Errorf("store: put source %s: kind %q is not feed, page or path", src.Name, src.Kind)
	}
	if src.Added.IsZero() {
		src.Added = s.now()
	}
	err := s.update(ctx, func(tx *bolt.Tx) error {
		if src.GuildID != "" {
			owners := tx.Bucket(bucketSourceOwners)
			if g := owners.Get([]byte(src.Name)); g != nil && string(g) != src.GuildID {
				return fmt.Errorf("source %q belongs to another guild", src.Name)
			}
			if err := owners.Put([]byte(src.Name), []byte(src.GuildID)); err != nil {
				return err
			}
		}
		return putJSON(tx.Bucket(bucketSources), foldKey(src.Name), src)
	})
	if err != nil {
		return fmt.Errorf("store: put source %s: %w", src.Name, err)
	}
	return nil
}

// SourceOwners returns, for every source a guild ever added (removed ones
// included: their articles stay in the store), the guild that owns it.
// Articles keep their source's name, so this says whose they are.
func (s *Store) SourceOwners(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := s.view(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSourceOwners).ForEach(func(k, v []byte) error {
			out[string(k)] = string(v)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: source owners: %w", err)
	}
	return out, nil
}

// DeleteSource removes a source added at run time, or returns ErrNotFound.
// Its SourceState is kept, as are its articles and its owner.
func (s *Store) DeleteSource(ctx context.Context, name string) error {
	err := s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSources)
		if b.Get(foldKey(name)) == nil {
			return ErrNotFound
		}
		return b.Delete(foldKey(name))
	})
	if err != nil {
		return fmt.Errorf("store: delete source %s: %w", name, err)
	}
	return nil
}

// Sources returns every source added at run time, by lower-case name.
func (s *Store) Sources(ctx context.Context) ([]Source, error) {
	var srcs []Source
	err := s.view(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSources)
		return b.ForEach(func(k, _ []byte) error {
			var src Source
			err := getJSON(b, k, &src)
			srcs = append(srcs, src)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: sources: %w", err)
	}
	return srcs, nil
}

// foldKey is the key for a case-insensitive name.
func foldKey(name string) []byte { return []byte(strings.ToLower(strings.TrimSpace(name))) }
