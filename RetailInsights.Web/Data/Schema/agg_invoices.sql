-- One row per invoice and store-day, kept by every load (see Warehouse/SummaryTables.cs).
CREATE TABLE agg_invoices (
    retailer_id integer NOT NULL, invoice varchar(64) COLLATE "C" NOT NULL, date_key integer NOT NULL, store_id integer NOT NULL,
    customer_id integer, invoiced_at timestamp without time zone NOT NULL,
    lines bigint NOT NULL, gross numeric(18,3) NOT NULL, priced_lines bigint NOT NULL,
    PRIMARY KEY (retailer_id, invoice, date_key, store_id));
CREATE INDEX ix_agg_invoices_customer ON agg_invoices (customer_id, invoiced_at DESC) WHERE customer_id IS NOT NULL;
