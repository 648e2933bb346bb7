import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentVersionEntity, ParagraphEntity } from '../documents/document.entity';
import { AnchorValidator } from './anchor-validator.service';
import { ReanchorService } from './reanchor.service';

@Module({
  imports: [TypeOrmModule.forFeature([DocumentVersionEntity, ParagraphEntity])],
  providers: [AnchorValidator, ReanchorService],
  exports: [AnchorValidator, ReanchorService],
})
export class AnchoringModule {}
