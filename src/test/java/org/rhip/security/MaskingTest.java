package org.rhip.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

	@Test
	void anIdNumberKeepsItsAddressCodeAndLastFour() {
		assertThat(Masking.idNumber("44010619900101123X")).isEqualTo("440106********123X");
		assertThat(Masking.idNumber("E12345678")).isEqualTo("*****5678");
	}

	@Test
	void aMobileNumberKeepsItsPrefixAndLastFour() {
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
		assertThat(Masking.phone("138-1234-5678")).isEqualTo("138****5678");
		assertThat(Masking.phone("12345")).isEqualTo("*****");
	}

	@Test
	void aChineseNameKeepsTheSurnameAndForThreeCharactersTheLast() {
		assertThat(Masking.name("张三")).isEqualTo("张*");
		assertThat(Masking.name("张小明")).isEqualTo("张*明");
		assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧**娜");
		assertThat(Masking.name("阿卜杜·热合曼")).isEqualTo("阿*****曼");
		assertThat(Masking.name("王")).isEqualTo("*");
	}

	@Test
	void aLatinNameKeepsEachInitial() {
		assertThat(Masking.name("Zhang Wei")).isEqualTo("Z**** W**");
		assertThat(Masking.name("Alice")).isEqualTo("A****");
	}

}
