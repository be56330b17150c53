//! Orders and groupings that the HSDS API lists by: made on first use by each version of the index
//! (a sort of a million ids costs a fraction of a second once, instead of on every request).

use super::{Index, SummaryRef};
use crate::model::{Location, Service};
use std::collections::HashMap;
use std::sync::OnceLock;
use uuid::Uuid;

#[derive(Default)]
pub struct Listings {
    services_by_id: OnceLock<Vec<u32>>,
    services_by_organization: OnceLock<Vec<u32>>,
    organizations_by_id: OnceLock<Vec<Uuid>>,
    locations_by_organization: OnceLock<HashMap<Uuid, Vec<Uuid>>>,
}

impl Index {
    /// Every service's summary, ordered by id.
    pub fn services_by_id(&self) -> impl Iterator<Item = SummaryRef<'_>> {
        let order = self.listings.services_by_id.get_or_init(|| {
            let mut order: Vec<u32> = self.listed().collect();
            order.sort_unstable_by_key(|&p| self.tables.summaries[p as usize].id);
            order
        });
        order.iter().map(|&p| self.tables.summary_at(p))
    }

    /// Every organization's id, in order.
    pub fn organization_ids(&self) -> &[Uuid] {
        self.listings.organizations_by_id.get_or_init(|| {
            let mut ids: Vec<Uuid> = self.tables.organizations.keys().copied().collect();
            ids.sort_unstable();
            ids
        })
    }

    /// The services an organization runs, ordered by id.
    pub fn services_of(&self, organization: Uuid) -> Vec<Service> {
        let key = |p: u32| {
            let s = &self.tables.summaries[p as usize];
            (s.organization_id, s.id)
        };
        let order = self.listings.services_by_organization.get_or_init(|| {
            let mut order: Vec<u32> = self.listed().collect();
            order.sort_unstable_by_key(|&p| key(p));
            order
        });
        let start = order.partition_point(|&p| key(p).0 < organization);
        let runs = order[start..].iter().copied().take_while(|&p| key(p).0 == organization);
        runs.filter_map(|p| self.service_at(p)).collect()
    }

    /// Every location of an organization, also those no service uses, ordered by id.
    pub fn locations_of(&self, organization: Uuid) -> Vec<Location> {
        let by_organization = self.listings.locations_by_organization.get_or_init(|| {
            let mut map: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
            for (id, l) in self.tables.locations.iter() {
                map.entry(l.organization_id).or_default().push(*id);
            }
            map.values_mut().for_each(|ids| ids.sort_unstable());
            map
        });
        by_organization.get(&organization).into_iter().flatten().filter_map(|id| self.location(*id)).collect()
    }
}
