package store

import (
	"context"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// bucketPending marks articles whose index entry may not match the store:
// id → the content hash to index, or empty for an article deleted. A mark
// is set in the transaction that writes or deletes the article and cleared
// once the index holds that version, so a crash between the store write
// and the index write leaves a mark for the next run to act on.
var bucketPending = []byte("index_pending")

// deletedMark is the mark of a deleted article: bbolt does not promise to
// tell an empty value from a missing one.
const deletedMark = "-"

// markOf is the stored mark for a content hash ("" for a deletion).
func markOf(hash string) []byte {
	if hash == "" {
		return []byte(deletedMark)
	}
	return []byte(hash)
}

// PendingIndex returns the articles whose index entry may be stale, as id →
// content hash of the stored version ("" for a deleted article).
func (s *Store) PendingIndex(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := s.view(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPending).ForEach(func(k, v []byte) error {
			if string(v) == deletedMark {
				v = nil
			}
			out[string(k)] = string(v)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: pending index: %w", err)
	}
	return out, nil
}

// ClearPending removes the marks of articles now indexed, given as id →
// the content hash indexed. A mark whose hash differs (the article was
// written again meanwhile) is kept.
func (s *Store) ClearPending(ctx context.Context, indexed map[string]string) error {
	if len(indexed) == 0 {
		return nil
	}
	err := s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPending)
		for id, hash := range indexed {
			if v := b.Get([]byte(id)); v != nil && string(v) == string(markOf(hash)) {
				if err := b.Delete([]byte(id)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: clear pending index: %w", err)
	}
	return nil
}
