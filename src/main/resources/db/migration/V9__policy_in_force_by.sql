-- When a policy counts from, for texts whose source gives no full date. in_force_by: the last day of the latest year
-- (or month) the source says the stored wording dates from, so that a text never counts before it may have been law;
-- in_force_by_note: why, in words. A policy with no date at all counts from the day it was put on record (created_at).
-- The shipped policies already stored get the values of policies/policies.yaml (a new installation stores them with
-- these values from the manifest); PolicyInForceByMigrationTest holds the two the same.

ALTER TABLE policy ADD COLUMN in_force_by DATE;
ALTER TABLE policy ADD COLUMN in_force_by_note VARCHAR(2000);

UPDATE policy SET in_force_by = DATE '2025-12-31', in_force_by_note = 'The source gives years only: § 908.104 from ch. 2019-102 (SB 168), its text from the 2024 Florida Statutes; § 908.11 from ch. 2022-193, as amended by ch. 2025-1 (SB 2-C, 2025). Counted from the end of 2025, the latest year of the stored wording.'
    WHERE seed = 'seed:us-fl-statutes-908-104-908-11-cooperation-and-287g-agreements' AND in_force_by IS NULL;
UPDATE policy SET in_force_by = DATE '2020-12-31', in_force_by_note = 'The source gives years only: enacted 2009, amended 2013, 2016 and 2020, the text current through the 2023-2024 session. Counted from the end of 2020, the year of the last amendment it lists.'
    WHERE seed = 'seed:us-ga-ocga-36-80-23-prohibition-on-immigration-sanctuary-policies' AND in_force_by IS NULL;
UPDATE policy SET in_force_by = DATE '2019-12-31', in_force_by_note = 'The source gives the month only: amended 2019-12. Counted from the last day of that month.'
    WHERE seed = 'seed:us-ma-boston-trust-act-as-amended-2019-code-excerpts' AND in_force_by IS NULL;
UPDATE policy SET in_force_by = DATE '2003-12-31', in_force_by_note = 'The source gives the year only: 2003 (the ACLU copy is dated September 26, 2003). Counted from the end of 2003.'
    WHERE seed = 'seed:us-mn-minneapolis-code-19-30-public-safety-services-2003' AND in_force_by IS NULL;
UPDATE policy SET in_force_by = DATE '2017-12-31', in_force_by_note = 'The source gives the year only: 2017, status "Enacted". Counted from the end of 2017.'
    WHERE seed = 'seed:us-ny-nyc-int-1558-a-2017-admin-code-9-205-probation-detainers' AND in_force_by IS NULL;
UPDATE policy SET in_force_by = DATE '2012-12-31', in_force_by_note = 'The source shows no date; it associates the section with the 2012 Welcoming City Ordinance. Counted from the end of 2012.'
    WHERE seed = 'seed:us-il-chicago-code-2-173-042-civil-immigration-enforcement-actions-pre-2021' AND in_force_by IS NULL;
