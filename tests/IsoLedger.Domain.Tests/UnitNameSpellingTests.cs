using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>One unit's name as several provinces' clerks write it, and a rename still told from a spelling.</summary>
public class UnitNameSpellingTests
{
    [Theory]
    [InlineData("UBND xã Ba Lòng", "UBND xã Ba Lòng. (xã Ba Lòng + Hải Phúc)")]
    [InlineData("UBND xã Ba Lòng", "UBND xã Ba Lòng.")]
    [InlineData("UBND xã Hải Định", "UBND xã Hải Định (sáp nhập xã Hải Thiện và Hải Thành)")]
    [InlineData("UBND xã Hải Định (xã Hải Thiện+ Hải Thành)", "UBND Xã Hải Định")]
    [InlineData("UBND xã Hải Định", "UBND xã Hải Định [xã Hải Thiện + Hải Thành]")]
    [InlineData("UBND xã Hòa Bình", "UBND xã Hoà Bình")]
    [InlineData("UBND xã Thủy Hùng", "UBND xã Thuỷ Hùng")]
    [InlineData("UBND xã Quý Lộc", "UBND xã Qúy Lộc")]
    [InlineData("UBND xã Ea H'leo", "UBND xã Ea H’leo")]
    [InlineData("UBND Phường Phú Thủy", "UBND P. Phú Thủy")]
    [InlineData("UBND Thị trấn Liên Hương", "UBND TT.Liên Hương")]
    [InlineData("UBND Xã Tiến Lợi", "UBND X. Tiến Lợi")]
    [InlineData("UBND thành phố Phan Thiết", "UBND TP. Phan Thiết")]
    [InlineData("UBND thị xã La Gi", "UBND TX La Gi")]
    [InlineData("UBND huyện Tuy Phong", "UBND H. Tuy Phong")]
    [InlineData("UBND Quận 1", "UBND Q.1")]
    [InlineData("Phường 1", "P.1")]
    [InlineData("UBND xã Đắk R'Moan", "UBND xã Đắk R`Moan")]
    [InlineData("UBND xã Gia Cát", "UBND xa\u0303 Gia Ca\u0301t")]
    [InlineData("UBND xã Gia Cát", "UBND\u00A0xã Gia\u00A0Cát")]
    [InlineData("UBND xã Gia Cát", "UBND xã Gia\u200B Cát\uFEFF")]
    [InlineData("UBND xã Gia Cát", "UBND xã Gia Cát\U000E0001")]
    [InlineData("UBND xã Gia Cát", "UBND xã Gia\U0001D173 Cát")]
    [InlineData("UBND xã Gia Cát", "Ủy ban nhân dân xã Gia Cát")]
    [InlineData("UBND xã Gia Cát", "Uỷ ban nhân dân xã Gia Cát")]
    [InlineData("UBND xã Gia Cát", "ubnd XÃ GIA CÁT")]
    [InlineData("UBND UBND Xã Ba Nang", "UBND xã Ba Nang")]
    [InlineData("UBND xã Gia Cát", "ＵＢＮＤ xã Gia Cát")]
    [InlineData("UBND Phường 1", "UBND Phường １")]
    [InlineData("UBND Phường 1", "1. UBND Phường 1.")]
    [InlineData("UBND Xã Lìa", "11.UBND Xã Lìa (A Xing+A Túc)")]
    [InlineData("Chi cục Kiểm lâm", "10- Chi cục Kiểm lâm")]
    [InlineData("Chi cục Kiểm lâm", "2 – Chi cục Kiểm lâm")]
    [InlineData("Chi cục Thủy sản", "1.2 Chi cục Thủy sản")]
    [InlineData("UBND xã Thiên Lộc", "8- UBND xã Thiên Lộc")]
    [InlineData("UBND xã Thiên Lộc", "1/ UBND xã Thiên Lộc")]
    [InlineData("UBND xã Thiên Lộc", "3 UBND xã Thiên Lộc")]
    [InlineData("Văn phòng UBND Tỉnh", "Văn phòng Ủy ban nhân dân tỉnh")]
    [InlineData("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa - Thể thao & Du lịch")]
    [InlineData("Sở Khoa học và Công nghệ", "Sở Khoa học & Công nghệ")]
    [InlineData("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT")]
    [InlineData("Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp & PTNT")]
    [InlineData("Sở Nông nghiệp và Phát triển Nông thôn", "Sở NN và PTNT")]
    [InlineData("Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH")]
    [InlineData("Sở Lao động, Thương binh và Xã hội", "Sở LĐTBXH")]
    [InlineData("Sở Giáo dục và Đào tạo", "Sở GD&ĐT")]
    [InlineData("Sở Giáo dục và Đào tạo", "Sở GD-DT")]
    [InlineData("Sở Thông tin và Truyền thông", "Sở TT&TT")]
    [InlineData("Sở Kế hoạch và Đầu tư", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ")]
    [InlineData("Sở Kế hoạch và Đầu tư", "SỞ KH&ĐT")]
    [InlineData("Chi cục Tiêu chuẩn Đo lường Chất lượng", "Chi cục TCĐLCL")]
    [InlineData("Chi cục Bảo vệ Môi trường", "Chi cục Bảo vệ M.trường")]
    [InlineData("Chi cục Phát triển Nông thôn", "Chi cục Ph/triển Ng.thôn")]
    [InlineData("Chi cục Biển, Hải đảo, Khí tượng Thủy văn", "Chi cục Biển, H.đảo, KTTV")]
    [InlineData("Sở Tài nguyên và Môi trường", "Sở Tài nguyên & M/trường")]
    [InlineData("UBND thành phố Đông Hà", "UBND Th phố Đông Hà")]
    [InlineData("UBND thị trấn Diên Sanh", "UBND Th trấn Diên Sanh (Th.trấn Hải Lăng + xã Hải Thọ)")]
    [InlineData("UBND thị trấn Diên Sanh", "UBND Th.trấn Diên Sanh")]
    [InlineData("UBND phường Trần Hưng Đạo", "Phường Trần Hưng Đạo")]
    [InlineData("UBND Phường 1", "Phường 01")]
    [InlineData("UBND phường 5", "UBND PHƯỜNG 05")]
    [InlineData("UBND huyện Hải Hậu", "HUYỆN HẢI HẬU")]
    [InlineData("UBND thành phố Nam Định", "TP. Nam Định")]
    [InlineData("Ủy ban nhân dân thị xã Kỳ Anh", "Thị xã Kỳ Anh")]
    [InlineData("Sở Tư pháp", "Sở Tư pháp tỉnh Quảng Trị")]
    [InlineData("Ban Quản lý Khu Kinh tế tỉnh", "Ban Quản lý Khu kinh tế tỉnh Quảng Trị")]
    [InlineData("Thanh tra Tỉnh", "Thanh tra tỉnh Thừa Thiên Huế")]
    [InlineData("Văn phòng UBND Tỉnh", "Văn phòng Ủy ban nhân dân tỉnh Hoà Bình")]
    [InlineData("Sở Nội vụ", "SỞ NỘI VỤ TỈNH BÀ RỊA - VŨNG TÀU")]
    public void Spellings_of_one_name_are_one_name(string a, string b) => Assert.True(UnitNameSpelling.Same(a, b));

    [Theory]
    [InlineData("UBND xã Hải Thiện", "UBND xã Hải Định (sáp nhập xã Hải Thiện và Hải Thành)")]
    [InlineData("UBND xã Ba Lòng", "UBND xã Ba Long")]
    [InlineData("UBND xã Hải Định", "UBND phường Hải Định")]
    [InlineData("UBND Phường 1", "UBND Phường 2 (Phường 1)")]
    [InlineData("UBND Phường 1", "UBND Phường 12")]
    [InlineData("UBND Phường 1", "UBND Phường 10")]
    [InlineData("UBND xã Gia Cát", "HĐND xã Gia Cát")]
    [InlineData("UBND xã Hải Phú", "UBND xã Hải Phong")]
    [InlineData("Sở Nông nghiệp và Môi trường", "Sở NN&PTNT")]
    [InlineData("Sở Nội vụ", "Sở NNV")]
    [InlineData("Sở Kế hoạch và Đầu tư", "Sở KH&CN")]
    [InlineData("Sở Khoa học và Công nghệ", "Sở KHCNTT")]
    [InlineData("Chi cục Kiểm lâm", "Chi cục KL Quảng Trị")]
    [InlineData("Chi cục Bảo vệ Môi trường", "Chi cục Bảo vệ N.trường")]
    [InlineData("Chi cục Bảo vệ Môi trường", "Chi cục Bảo vệ M. trường")]
    [InlineData("UBND Phường Phong Thủy", "UBND P.Phú Thủy")]
    [InlineData("UBND thành phố Lạng Sơn", "UBND thành phố")]
    [InlineData("UBND huyện Cao Lộc", "UBND huyện Cao Lộc tỉnh Lạng Sơn huyện")]
    [InlineData("UBND thị xã Quảng Trị", "UBND thị xã")]
    [InlineData("Sở Tư pháp", "Sở Tư pháp tỉnh Quảng Trị Mới")]
    [InlineData("UBND xã Th Hòa", "UBND xã Thuận Hòa")]
    [InlineData("UBND phường Hải Định", "Xã Hải Định")]
    public void Another_name_is_a_rename_still(string a, string b) => Assert.False(UnitNameSpelling.Same(a, b));

    /// <summary>Only a word of capitals is read as initials: a name that merely shares its words' first letters with
    /// another is no abbreviation of it.</summary>
    [Theory]
    [InlineData("Sở Nn Ptnt", "Sở Nông nghiệp và Phát triển nông thôn")]
    [InlineData("Sở Y tế", "Sở Yên Tĩnh")]
    public void A_name_in_lower_case_letters_abbreviates_nothing(string a, string b) =>
        Assert.False(UnitNameSpelling.Same(a, b));

    /// <summary>A name is looked for among those of its skeleton: one and its abbreviation share it.</summary>
    [Theory]
    [InlineData("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn")]
    [InlineData("SỞ KH&ĐT", "Sở Kế hoạch và Đầu tư")]
    [InlineData("Sở Văn hóa, TT & Du lịch", "Sở Văn hóa - Thể thao và Du lịch")]
    [InlineData("UBND Phường 12", "Ủy ban nhân dân phường 12")]
    [InlineData("Chi cục Ph/triển Ng.thôn", "Chi cục Phát triển Nông thôn")]
    public void A_name_and_its_abbreviation_share_a_skeleton(string a, string b) =>
        Assert.Equal(UnitNameAbbreviations.Skeleton(a), UnitNameAbbreviations.Skeleton(b));

    /// <summary>The committee and a unit's abbreviated kind are spellings the comparison reads already: a name holding
    /// only them has no initials to look for, so a table of communes is not compared with every unit of its district.
    /// </summary>
    [Theory]
    [InlineData("UBND xã Hải Phú", false)]
    [InlineData("UBND TP. Đông Hà", false)]
    [InlineData("UBND TX Quảng Trị", false)]
    [InlineData("Sở Y tế", false)]
    [InlineData("Sở Văn hóa, TT & Du lịch", true)]
    [InlineData("HĐND xã Gia Cát", true)]
    [InlineData("Sở NN&PTNT", true)]
    [InlineData("SỞ TƯ PHÁP", false)]
    [InlineData("Chi cục Bảo vệ M.trường", true)]
    [InlineData("UBND P.Phú Thủy", false)]
    [InlineData("UBND TT.Liên Hương", false)]
    public void Only_initials_the_comparison_does_not_read_are_abbreviations(string name, bool abbreviated) =>
        Assert.Equal(abbreviated, UnitNameAbbreviations.HasAbbreviation(name));

    [Theory]
    [InlineData("UBND Xã Ba Lòng. (xã Ba Lòng + Hải Phúc)", true)]
    [InlineData("UBND Thị trấn Diên Sanh (Th.trấn Hải Lăng + xã Hải Thọ)", false)]
    [InlineData("4. UBND xã Long Vĩnh (xã Hương Long + xã Hương Vĩnh)", false)]
    [InlineData("UBND xã Thiên Lộc (xã Thiên Lộc + xã Thiên Tân)", true)]
    [InlineData("UBND xã Hải Định (sáp nhập xã Hải Thiện và Hải Thành)", false)]
    [InlineData("UBND Xã Thiên Lộc (ghi chú)", false)]
    [InlineData("UBND Xã Thiên Lộc", false)]
    public void A_note_names_the_unit_itself_when_it_lists_it_among_those_it_was_formed_from(
        string name, bool namesItself) => Assert.Equal(namesItself, UnitNameSpelling.NoteNamesItself(name));

    [Fact]
    public void A_name_that_is_nothing_but_a_note_is_compared_as_written() =>
        Assert.False(UnitNameSpelling.Same("(xã Ba Lòng)", "(xã Hải Phúc)"));
}
