//! Maps from record ids that cost little beside what they hold. A `HashMap<Uuid, V>` keeps key and
//! value in every bucket, and its buckets are a power of two, up to twice the entries: at a million
//! services the positions map took 44 MB and the locations map 85 MB. Here the entries sit in one
//! `Vec`, sized to what they are, and the hash table holds only their 4-byte places.

use foldhash::fast::RandomState;
use hashbrown::HashTable;
use std::hash::BuildHasher;
use uuid::Uuid;

/// Records by id, in the order they were first inserted. Entries are never removed: a record that
/// goes away is replaced by its retired version, as the store keeps it.
#[derive(Clone)]
pub struct IdMap<V> {
    entries: Vec<(Uuid, V)>,
    places: HashTable<u32>,
    hasher: RandomState,
}

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap { entries: Vec::new(), places: HashTable::new(), hasher: RandomState::default() }
    }
}

impl<V> IdMap<V> {
    pub fn with_capacity(n: usize) -> Self {
        IdMap { entries: Vec::with_capacity(n), places: HashTable::with_capacity(n), hasher: RandomState::default() }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn reserve(&mut self, additional: usize) {
        self.entries.reserve_exact(additional);
        let (entries, hasher) = (&self.entries, &self.hasher);
        self.places.reserve(additional, |&p| hasher.hash_one(entries[p as usize].0));
    }

    pub fn get(&self, id: &Uuid) -> Option<&V> {
        let entries = &self.entries;
        let place = self.places.find(self.hasher.hash_one(id), |&p| entries[p as usize].0 == *id)?;
        Some(&entries[*place as usize].1)
    }

    /// Inserts `value` under `id`, replacing what was there.
    pub fn insert(&mut self, id: Uuid, value: V) {
        let (entries, hasher) = (&mut self.entries, &self.hasher);
        let hash = hasher.hash_one(id);
        if let Some(&place) = self.places.find(hash, |&p| entries[p as usize].0 == id) {
            entries[place as usize].1 = value;
            return;
        }
        let place = u32::try_from(entries.len()).expect("fewer than 2^32 records");
        entries.push((id, value));
        self.places.insert_unique(hash, place, |&p| hasher.hash_one(entries[p as usize].0));
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Uuid, &V)> {
        self.entries.iter().map(|(id, v)| (id, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &Uuid> {
        self.entries.iter().map(|(id, _)| id)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }
}

/// Service positions by id, where the ids are those of the services' summaries: the table keeps only
/// positions (4 bytes a bucket) and compares ids by reading them through `id_at`.
#[derive(Clone, Default)]
pub struct Positions {
    places: HashTable<u32>,
    hasher: RandomState,
}

impl Positions {
    pub fn with_capacity(n: usize) -> Self {
        Positions { places: HashTable::with_capacity(n), hasher: RandomState::default() }
    }

    pub fn reserve(&mut self, additional: usize, id_at: impl Fn(u32) -> Uuid) {
        let hasher = &self.hasher;
        self.places.reserve(additional, |&p| hasher.hash_one(id_at(p)));
    }

    pub fn get(&self, id: &Uuid, id_at: impl Fn(u32) -> Uuid) -> Option<u32> {
        self.places.find(self.hasher.hash_one(id), |&p| id_at(p) == *id).copied()
    }

    /// Notes that the service `id`, whose summary is already at `position`, is there.
    pub fn insert(&mut self, id: Uuid, position: u32, id_at: impl Fn(u32) -> Uuid) {
        let hasher = &self.hasher;
        let hash = hasher.hash_one(id);
        match self.places.find_mut(hash, |&p| id_at(p) == id) {
            Some(place) => *place = position,
            None => {
                self.places.insert_unique(hash, position, |&p| hasher.hash_one(id_at(p)));
            }
        }
    }

    pub fn remove(&mut self, id: &Uuid, id_at: impl Fn(u32) -> Uuid) {
        if let Ok(entry) = self.places.find_entry(self.hasher.hash_one(id), |&p| id_at(p) == *id) {
            entry.remove();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n.wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835))
    }

    #[test]
    fn an_id_map_finds_replaces_and_keeps_first_insertion_order() {
        let mut map = IdMap::default();
        for n in 0..10_000u128 {
            map.insert(id(n), n);
        }
        map.insert(id(5), 55);
        assert_eq!(map.len(), 10_000);
        assert_eq!(map.get(&id(5)), Some(&55));
        assert_eq!(map.get(&id(9_999)), Some(&9_999));
        assert_eq!(map.get(&id(10_000)), None);
        let keys: Vec<Uuid> = map.keys().copied().take(3).collect();
        assert_eq!(keys, vec![id(0), id(1), id(2)]);
    }

    #[test]
    fn positions_are_found_through_the_ids_they_point_at() {
        let ids: Vec<Uuid> = (0..5_000u128).map(id).collect();
        let id_at = |p: u32| ids[p as usize];
        let mut positions = Positions::default();
        for (p, i) in ids.iter().enumerate() {
            positions.insert(*i, p as u32, id_at);
        }
        assert_eq!(positions.get(&ids[4_321], id_at), Some(4_321));
        positions.remove(&ids[4_321], id_at);
        assert_eq!(positions.get(&ids[4_321], id_at), None);
        assert_eq!(positions.get(&ids[4_320], id_at), Some(4_320));
        assert_eq!(positions.get(&id(6_000), id_at), None);
    }
}
