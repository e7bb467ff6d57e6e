// Package store keeps storybot's durable state in one bbolt file: articles
// (the source of truth the index is rebuilt from), source health, sources
// added at run time, tracked stories with their digest cursors, and guild
// settings. Values are JSON, article records deflated; every write is one
// bbolt transaction.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// schemaVersion is the layout of the buckets below; Open refuses a file
// written with another version rather than misread it. Version 2 deflates
// article records; a version 1 file is read as it is (its records are
// plain JSON, which version 2 also reads) and marked 2 at Open, so that an
// older storybot refuses it instead of failing on a compressed record.
const (
	schemaVersion = "2"
	schemaPlain   = "1"
)

// lockTimeout bounds how long Open waits for another process's file lock.
const lockTimeout = time.Second

var (
	// ErrNotFound is returned when a requested record does not exist.
	ErrNotFound = errors.New("store: not found")
	// ErrLocked is returned by Open when another process holds the file.
	ErrLocked = errors.New("store: file is locked")
)

var (
	bucketMeta        = []byte("meta")
	bucketArticles    = []byte("articles")     // id → record JSON
	bucketURLs        = []byte("urls")         // canonical URL (primary or alias) → id
	bucketBodies      = []byte("bodies")       // body hash → id
	bucketAdded       = []byte("added")        // time key + id → nothing
	bucketSourceState = []byte("source_state") // source name → SourceState JSON
	bucketSources     = []byte("sources")      // lower-case name → Source JSON
	bucketStories     = []byte("stories")      // guild \x00 lower-case name → Story JSON
	bucketGuilds      = []byte("guild_settings")
	keySchema         = []byte("schema")
)

var allBuckets = [][]byte{
	bucketMeta, bucketArticles, bucketURLs, bucketBodies, bucketAdded,
	bucketSourceState, bucketSources, bucketStories, bucketGuilds, bucketPending, bucketSourceOwners,
}

// Store is an open storybot database. It is safe for concurrent use.
type Store struct {
	db  *bolt.DB
	now func() time.Time
}

// Open opens or creates the database at path, creating its directory. If
// another process holds the file it returns an error wrapping ErrLocked
// after about a second.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("store: create directory for %s: %w", path, err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("store: %s is in use by another storybot process: %w", path, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := db.Update(initBuckets); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	return &Store{db: db, now: time.Now}, nil
}

func initBuckets(tx *bolt.Tx) error {
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	meta := tx.Bucket(bucketMeta)
	switch v := meta.Get(keySchema); {
	case v == nil, string(v) == schemaPlain:
		return meta.Put(keySchema, []byte(schemaVersion))
	case string(v) != schemaVersion:
		return fmt.Errorf("schema version %s, this storybot reads %s", v, schemaVersion)
	}
	return nil
}

// Close releases the file and its lock.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// update runs fn in a write transaction unless ctx is already done.
func (s *Store) update(ctx context.Context, fn func(*bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.Update(fn)
}

// view runs fn in a read transaction unless ctx is already done.
func (s *Store) view(ctx context.Context, fn func(*bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.View(fn)
}

// getJSON decodes the value at key into v, or returns ErrNotFound.
func getJSON(b *bolt.Bucket, key []byte, v any) error {
	data := b.Get(key)
	if data == nil {
		return ErrNotFound
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("decode %s: %w", key, err)
	}
	return nil
}

// putJSON encodes v and stores it at key.
func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", key, err)
	}
	return b.Put(key, data)
}
