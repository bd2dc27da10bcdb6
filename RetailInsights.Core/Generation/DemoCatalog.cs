using RetailInsights.Core.Domain;

namespace RetailInsights.Core.Generation;

/// <summary>
/// The Indonesian minimarket the generator simulates: its products, stores and the associations planted in its
/// baskets, so that tests of other areas can check what the analytics should recover.
/// </summary>
public static class DemoCatalog
{
    /// <summary>The Country column of every transaction line.</summary>
    public const string Country = "Indonesia";

    private static readonly (ProductInfo Product, double Popularity)[] Entries =
    [
        (new("IND-001", "Indomie Goreng", "Instant Food", 3500m), 5.0),
        (new("IND-002", "Telur Ayam Negeri 1 kg", "Fresh & Eggs", 29000m), 1.0),
        (new("IND-003", "Indomie Soto Mie", "Instant Food", 3300m), 2.0),
        (new("IND-004", "Mie Sedaap Goreng", "Instant Food", 3400m), 2.0),
        (new("IND-005", "Pop Mie Ayam Bawang", "Instant Food", 5500m), 1.2),
        (new("IND-006", "Sarimi Isi 2 Ayam Kecap", "Instant Food", 4200m), 0.8),
        (new("FRS-001", "Tahu Putih 10 pcs", "Fresh & Eggs", 5500m), 1.2),
        (new("FRS-002", "Tempe Papan 500 g", "Fresh & Eggs", 6000m), 1.2),
        (new("FRS-003", "Bawang Merah 250 g", "Fresh & Eggs", 12000m), 0.9),
        (new("FRS-004", "Cabai Rawit 100 g", "Fresh & Eggs", 8000m), 0.9),
        (new("FRS-005", "Pisang Cavendish 1 sisir", "Fresh & Eggs", 24000m), 0.6),
        (new("BEV-001", "Teh Botol Sosro 450 ml", "Beverages", 4500m), 3.5),
        (new("BEV-002", "Aqua 600 ml", "Beverages", 3500m), 1.0),
        (new("BEV-003", "Pocari Sweat 500 ml", "Beverages", 7500m), 1.0),
        (new("BEV-004", "Kopi Kapal Api Special Mix", "Beverages", 1700m), 2.0),
        (new("BEV-005", "Good Day Cappuccino", "Beverages", 1800m), 1.5),
        (new("BEV-006", "Coca-Cola 390 ml", "Beverages", 6000m), 1.0),
        (new("BEV-007", "Teh Pucuk Harum 350 ml", "Beverages", 3800m), 1.6),
        (new("HHLD-001", "Sunlight Jeruk Nipis 755 ml", "Household", 16500m), 3.0),
        (new("HHLD-002", "Spons Cuci Piring Scotch-Brite", "Household", 5500m), 0.6),
        (new("HHLD-003", "Rinso Anti Noda 770 g", "Household", 22500m), 1.0),
        (new("HHLD-004", "Baygon Aerosol 600 ml", "Household", 42000m), 0.4),
        (new("HHLD-005", "So Klin Pewangi 900 ml", "Household", 15000m), 0.7),
        (new("HHLD-006", "Tisu Paseo 250 lembar", "Household", 13500m), 0.9),
        (new("HHLD-007", "Wipol Karbol Cemara 780 ml", "Household", 14500m), 0.5),
        (new("PRC-001", "Pepsodent Pasta Gigi 190 g", "Personal Care", 13500m), 1.0),
        (new("PRC-002", "Lifebuoy Sabun Batang 85 g", "Personal Care", 4000m), 1.2),
        (new("PRC-003", "Sunsilk Shampoo 170 ml", "Personal Care", 24000m), 0.7),
        (new("PRC-004", "Biore Body Foam 450 ml", "Personal Care", 32000m), 0.5),
        (new("PRC-005", "Rexona Men Roll On 45 ml", "Personal Care", 19000m), 0.4),
        (new("PRC-006", "Charm Pembalut Extra Maxi", "Personal Care", 13500m), 0.6),
        (new("PRC-007", "Sikat Gigi Formula", "Personal Care", 6500m), 0.6),
        (new("SNK-001", "Chitato Sapi Panggang 68 g", "Snacks", 11000m), 1.2),
        (new("SNK-002", "Qtela Keripik Tempe 55 g", "Snacks", 8500m), 0.8),
        (new("SNK-003", "Roma Kelapa 300 g", "Snacks", 10500m), 0.9),
        (new("SNK-004", "Beng-Beng 20 g", "Snacks", 2500m), 1.8),
        (new("SNK-005", "SilverQueen Almond 58 g", "Snacks", 16500m), 0.7),
        (new("SNK-006", "Tango Wafer Cokelat 130 g", "Snacks", 9000m), 0.8),
        (new("SNK-007", "Sari Roti Tawar Spesial, Kupas", "Snacks", 17500m), 1.0),
        (new("DRY-001", "Ultra Milk Cokelat 250 ml", "Dairy", 6500m), 1.6),
        (new("DRY-002", "Susu Kental Manis Frisian Flag 370 g", "Dairy", 12500m), 0.9),
        (new("DRY-003", "Yakult 5 x 65 ml", "Dairy", 10500m), 1.0),
        (new("DRY-004", "Keju Kraft Cheddar 165 g", "Dairy", 22500m), 0.5),
        (new("DRY-005", "Indomilk Plain 190 ml", "Dairy", 5000m), 0.9),
        (new("DRY-006", "Cimory Yogurt Strawberry 250 ml", "Dairy", 9500m), 0.6),
        (new("STP-001", "Beras Pandan Wangi 5 kg", "Staples", 78000m), 0.8),
        (new("STP-002", "Minyak Goreng Bimoli 2 L", "Staples", 39500m), 1.0),
        (new("STP-003", "Gula Pasir Gulaku 1 kg", "Staples", 17500m), 1.0),
        (new("STP-004", "Kecap Manis Bango 520 ml", "Staples", 24500m), 0.8),
        (new("STP-005", "Garam Refina 250 g", "Staples", 3500m), 0.5),
        (new("STP-006", "Tepung Terigu Segitiga Biru 1 kg", "Staples", 13500m), 0.6),
        (new("STP-007", "Saus Sambal ABC 335 ml", "Staples", 13000m), 0.8),
    ];

    private static readonly (StoreLocation Store, double Traffic, decimal PriceFactor)[] StoreEntries =
    [
        (new("JKT-01", "RetailInsights Mart Kemang", "Jakarta", "DKI Jakarta", 4200), 0.34, 1.05m),
        (new("SBY-01", "RetailInsights Mart Darmo", "Surabaya", "Jawa Timur", 3400), 0.22, 1.00m),
        (new("BDG-01", "RetailInsights Mart Dago", "Bandung", "Jawa Barat", 2800), 0.20, 1.00m),
        (new("MDN-01", "RetailInsights Mart Polonia", "Medan", "Sumatera Utara", 2200), 0.14, 0.98m),
        (new("DPS-01", "RetailInsights Mart Renon", "Denpasar", "Bali", 1600), 0.10, 1.08m),
    ];

    /// <summary>The products in catalog order (admin-fee codes are not products and are not listed).</summary>
    public static IReadOnlyList<ProductInfo> Products { get; } = Array.ConvertAll(Entries, e => e.Product);

    /// <summary>The stores, in different cities and regions, busiest first.</summary>
    public static IReadOnlyList<StoreLocation> Stores { get; } = Array.ConvertAll(StoreEntries, e => e.Store);

    /// <summary>If the antecedent is in a sale basket, the consequent is added with the given probability.</summary>
    public static IReadOnlyList<PlantedAssociation> PlantedAssociations { get; } =
    [
        new("IND-001", "IND-002", 0.7),
        new("HHLD-001", "HHLD-002", 0.6),
        new("BEV-001", "BEV-002", 0.5),
    ];

    /// <summary>Relative chance of each product (same order as <see cref="Products"/>) to be picked into a basket.</summary>
    internal static IReadOnlyList<double> ProductPopularity { get; } = Array.ConvertAll(Entries, e => e.Popularity);

    /// <summary>Relative share of invoices each store (same order as <see cref="Stores"/>) takes.</summary>
    internal static IReadOnlyList<double> StoreTraffic { get; } = Array.ConvertAll(StoreEntries, e => e.Traffic);

    /// <summary>Regional price level of each store, applied to the base price.</summary>
    internal static IReadOnlyList<decimal> StorePriceFactor { get; } = Array.ConvertAll(StoreEntries, e => e.PriceFactor);
}
