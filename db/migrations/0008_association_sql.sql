-- The Association itself is no pillar. Databases written before organisations could have no pillar
-- placed the demo data's Association Secretariat in civil society; it now has none, so its staff
-- are never counted or labelled as a pillar and it leaves the registry.
UPDATE "organizations" SET "pillar_id" = NULL WHERE "slug" = 'association-secretariat';
