package store

import (
	"context"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// GuildSetting returns one setting of a guild (such as its digest channel),
// or ErrNotFound if it was never set.
func (s *Store) GuildSetting(ctx context.Context, guildID, key string) (string, error) {
	var value string
	err := s.view(ctx, func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketGuilds).Get(settingKey(guildID, key))
		if v == nil {
			return ErrNotFound
		}
		value = string(v)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("store: guild %s setting %s: %w", guildID, key, err)
	}
	return value, nil
}

// PutGuildSetting sets one setting of a guild; an empty value removes it.
func (s *Store) PutGuildSetting(ctx context.Context, guildID, key, value string) error {
	err := s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketGuilds)
		if value == "" {
			return b.Delete(settingKey(guildID, key))
		}
		return b.Put(settingKey(guildID, key), []byte(value))
	})
	if err != nil {
		return fmt.Errorf("store: put guild %s setting %s: %w", guildID, key, err)
	}
	return nil
}

// GuildSettings returns every setting of a guild.
func (s *Store) GuildSettings(ctx context.Context, guildID string) (map[string]string, error) {
	prefix := settingKey(guildID, "")
	settings := make(map[string]string)
	err := s.view(ctx, func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketGuilds).Cursor()
		for k, v := c.Seek(prefix); k != nil && len(k) >= len(prefix) && string(k[:len(prefix)]) == string(prefix); k, v = c.Next() {
			settings[string(k[len(prefix):])] = string(v)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: guild %s settings: %w", guildID, err)
	}
	return settings, nil
}

func settingKey(guildID, key string) []byte { return []byte(guildID + "\x00" + key) }
