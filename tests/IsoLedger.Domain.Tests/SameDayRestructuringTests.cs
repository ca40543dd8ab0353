using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>Two renames or transfers of a unit effective on one day: the one recorded later is a correction of the
/// first and answers for that day (the first recorded had answered, whatever came after).</summary>
public class SameDayRestructuringTests
{
    private static readonly DateOnly Day = new(2024, 7, 1);

    private static Unit Replay(params object[] changes) => UnitDecider.Replay(
    [
        new UnitRegistered("QT-X", "UBND Xã X", UnitLevel.Commune, "Quảng Trị", "Hải Lăng", "QT-SO-1",
            new DateOnly(2015, 1, 1)),
        .. changes,
    ])!;

    [Fact]
    public void The_rename_recorded_later_names_the_unit_from_that_day()
    {
        var unit = Replay(
            new UnitRenamed(Day, "UBND Xã Mới", null, "R1"), new UnitRenamed(Day, "UBND Xã Đúng", null, "R2"));

        Assert.Equal(("UBND Xã X", "UBND Xã Đúng"), (unit.NameOn(Day.AddDays(-1)), unit.NameOn(Day)));
        Assert.Equal("UBND Xã Đúng", unit.Name);
    }

    [Fact]
    public void The_transfer_recorded_later_places_the_unit_from_that_day()
    {
        var unit = Replay(
            new UnitTransferred(Day, null, "Gio Linh", null, "T1", "QT-SO-2"),
            new UnitTransferred(Day, null, "Cam Lộ", null, "T2", "QT-SO-3"));

        Assert.Equal(("Cam Lộ", "QT-SO-3"), (unit.DistrictOn(Day), unit.ParentCodeOn(Day)));
        Assert.Equal(("Hải Lăng", "QT-SO-1"), (unit.DistrictOn(Day.AddDays(-1)), unit.ParentCodeOn(Day.AddDays(-1))));
    }
}
