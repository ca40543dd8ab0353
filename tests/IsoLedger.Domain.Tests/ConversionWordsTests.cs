using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>The conversion column as the provinces' tables word it.</summary>
public class ConversionWordsTests
{
    [Theory]
    [InlineData("Đang ch/đổi áp dụng", ConversionState.InProgress)]
    [InlineData("đang chuyển đổi", ConversionState.InProgress)]
    [InlineData("Đang thực hiện chuyển đổi sang TCVN ISO 9001:2015.", ConversionState.InProgress)]
    [InlineData("Đang c/đổi", ConversionState.InProgress)]
    [InlineData("Đã ch/đổi", ConversionState.Done)]
    [InlineData("Đã ch.đổi 9001:2015", ConversionState.Done)]
    [InlineData("Đã chuyển đổi sang TCVN ISO 9001:2015", ConversionState.Done)]
    [InlineData("Hoàn thành chuyển đổi", ConversionState.Done)]
    [InlineData("Đã hoàn thành chuyển đổi 2015", ConversionState.Done)]
    [InlineData("Chưa chuyển đổi", ConversionState.None)]
    [InlineData("KHÔNG CH/ĐỔI", ConversionState.None)]
    public void The_tables_words_are_read_as_the_state_they_say(string written, ConversionState state) =>
        Assert.Equal(state, ConversionWords.Read(written));

    [Theory]
    [InlineData("Đã chuyển đổi sang 2008")]
    [InlineData("Đang áp dụng")]
    [InlineData("Áp dụng 2015")]
    [InlineData("Tư vấn HD")]
    [InlineData("chuyển đổi")]
    [InlineData("")]
    public void Other_words_are_no_state(string written) => Assert.Null(ConversionWords.Read(written));
}
